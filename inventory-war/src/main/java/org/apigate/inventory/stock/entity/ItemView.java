package org.apigate.inventory.stock.entity;

/** An item as the API shows it: {@code available} is free to reserve, {@code reserved} is held. */
public record ItemView(String sku, String name, long available, long reserved) {
}
