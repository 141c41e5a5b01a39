package org.apigate.order.inventory.control;

import java.util.List;

/** The body of inventory's {@code POST /api/reservations}. */
public record ReservationRequest(String id, List<Item> lines) {

    /** One SKU and how many of it to hold. */
    public record Item(String sku, int quantity) {
    }
}
