package org.apigate.inventory.stock.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item as the API shows it: {@code available} is free to reserve, {@code reserved} is held. */
@Schema(name = "Item", description = "An item and its stock",
        requiredProperties = {"sku", "name", "available", "reserved"})
public record ItemView(String sku, String name,
                       @Schema(description = "Free to reserve") long available,
                       @Schema(description = "Held by reservations") long reserved) {
}
