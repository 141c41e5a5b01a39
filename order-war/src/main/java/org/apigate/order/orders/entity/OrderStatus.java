package org.apigate.order.orders.entity;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. PENDING is written before inventory is asked, so an order can never have stock
 * reserved without a row saying so; the saga then moves it to CONFIRMED, REJECTED (out of stock) or FAILED
 * (inventory could not be reached; kept for audit). Only a CONFIRMED order can be CANCELLED.
 */
@Schema(name = "OrderStatus", type = SchemaType.STRING, description = "PENDING while stock is being reserved; then "
        + "CONFIRMED, REJECTED (out of stock) or FAILED (inventory unreachable); a CONFIRMED order can be CANCELLED")
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, FAILED, CANCELLED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, REJECTED, FAILED);
            case CONFIRMED -> EnumSet.of(CANCELLED);
            case REJECTED, FAILED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canBecome(OrderStatus target) {
        return next().contains(target);
    }
}
