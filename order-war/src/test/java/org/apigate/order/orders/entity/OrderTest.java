package org.apigate.order.orders.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderTest {

    static Order pending() {
        return new Order(new OrderForm("user-1", List.of(new Line("A-1", 2), new Line("B.2", 1))));
    }

    @Test
    void startsPendingWithItsLinesInOrder() {
        Order order = pending();

        OrderView view = order.view();
        assertEquals(OrderStatus.PENDING, view.status());
        assertEquals("user-1", view.userId());
        assertEquals(List.of(new Line("A-1", 2), new Line("B.2", 1)), view.lines());
        assertEquals(36, view.id().length());
        assertNull(view.compensationPending(), "only FAILED orders carry the compensation marker");
    }

    @Test
    void rejectionKeepsTheShortSkusAndNamesThemInTheReason() {
        Order order = pending();

        order.reject(List.of("A-1", "B.2"));

        assertEquals(OrderStatus.REJECTED, order.status());
        assertEquals(List.of("A-1", "B.2"), order.shortSkus());
        assertTrue(order.view().reason().contains("A-1, B.2"), order.view()::reason);
        assertFalse(order.releasePending(), "inventory reserved nothing");
    }

    @Test
    void aFailureThatMayHaveReservedIsMarkedForReleaseUntilReleased() {
        Order order = pending();

        order.fail("inventory did not answer in time", true);

        assertEquals(OrderStatus.FAILED, order.status());
        assertEquals(Boolean.TRUE, order.view().compensationPending());
        assertEquals("inventory did not answer in time", order.view().reason());
        order.released();
        assertEquals(Boolean.FALSE, order.view().compensationPending());
        assertEquals(OrderStatus.FAILED, order.status(), "a released order stays FAILED for audit");
    }

    @Test
    void aFailureThatCannotHaveReservedNeedsNoRelease() {
        Order order = pending();

        order.fail("inventory refused the connection", false);

        assertEquals(Boolean.FALSE, order.view().compensationPending());
    }

    @Test
    void onlyAConfirmedOrderCanBeCancelled() {
        Order confirmed = pending();
        confirmed.confirm();
        confirmed.cancel();
        assertEquals(OrderStatus.CANCELLED, confirmed.status());

        assertThrows(IllegalStateException.class, pending()::cancel);
        Order failed = pending();
        failed.fail("down", false);
        assertThrows(IllegalStateException.class, failed::cancel);
        Order rejected = pending();
        rejected.reject(List.of("A-1"));
        assertThrows(IllegalStateException.class, rejected::cancel);
    }

    @Test
    void aSettledOrderCannotBeSettledAgain() {
        Order order = pending();
        order.confirm();

        assertThrows(IllegalStateException.class, () -> order.fail("late", true));
        assertThrows(IllegalStateException.class, () -> order.reject(List.of("A-1")));
        assertThrows(IllegalStateException.class, order::confirm);
        assertEquals(OrderStatus.CONFIRMED, order.status());
    }
}
