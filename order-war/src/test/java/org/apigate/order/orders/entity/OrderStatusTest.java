package org.apigate.order.orders.entity;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderStatusTest {

    @Test
    void aPendingOrderSettlesOnceIntoConfirmedRejectedOrFailed() {
        assertEquals(EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.REJECTED, OrderStatus.FAILED),
                OrderStatus.PENDING.next());
    }

    @Test
    void onlyAConfirmedOrderCanBeCancelled() {
        assertEquals(EnumSet.of(OrderStatus.CANCELLED), OrderStatus.CONFIRMED.next());
        for (OrderStatus status : OrderStatus.values()) {
            assertEquals(status == OrderStatus.CONFIRMED, status.canBecome(OrderStatus.CANCELLED), status::name);
        }
    }

    @Test
    void rejectedFailedAndCancelledAreFinal() {
        for (OrderStatus status : EnumSet.of(OrderStatus.REJECTED, OrderStatus.FAILED, OrderStatus.CANCELLED)) {
            assertTrue(status.next().isEmpty(), status::name);
        }
    }

    @Test
    void nothingGoesBackToPending() {
        for (OrderStatus status : OrderStatus.values()) {
            assertTrue(!status.canBecome(OrderStatus.PENDING), status::name);
        }
    }
}
