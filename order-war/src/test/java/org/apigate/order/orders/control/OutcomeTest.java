package org.apigate.order.orders.control;

import jakarta.json.JsonObject;
import org.apigate.common.problem.ProblemException;
import org.apigate.order.orders.entity.Line;
import org.apigate.order.orders.entity.Order;
import org.apigate.order.orders.entity.OrderForm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a settled order is answered, the first time and when a request with its Idempotency-Key is repeated. */
class OutcomeTest {

    static Order pending() {
        return new Order(new OrderForm("user-1", List.of(new Line("A", 1), new Line("B", 2))));
    }

    static JsonObject problemOf(Runnable answer) {
        return assertThrows(ProblemException.class, answer::run).problem().toJson("r-1");
    }

    @Test
    void aConfirmedOrCancelledOrderIsTheAnswer() {
        Order order = pending();
        order.confirm();
        assertSame(order, OrderPlacement.outcome(order));
        order.cancel();
        assertSame(order, OrderPlacement.replay(order, "k"), "a replay shows the order as it is now");
    }

    @Test
    void aRejectedOrderIsTheSameOutOfStockProblemEveryTime() {
        Order order = pending();
        order.reject(List.of("B"));

        JsonObject first = problemOf(() -> OrderPlacement.outcome(order));
        JsonObject replayed = problemOf(() -> OrderPlacement.replay(order, "k"));

        assertEquals(409, first.getInt("status"));
        assertEquals("https://apigate.org/problems/out-of-stock", first.getString("type"));
        assertEquals("[\"B\"]", first.getJsonArray("shortSkus").toString());
        assertTrue(first.getString("detail").contains("B"), first::toString);
        assertEquals(order.id(), first.getString("orderId"));
        assertEquals(first, replayed);
    }

    @Test
    void aFailedOrderIs503NamingItAndWhetherStockMayStillBeHeld() {
        Order pendingRelease = pending();
        pendingRelease.fail("inventory did not answer in time", true);
        Order nothingHeld = pending();
        nothingHeld.fail("inventory refused the connection", false);

        JsonObject pendingProblem = problemOf(() -> OrderPlacement.outcome(pendingRelease));
        JsonObject heldProblem = problemOf(() -> OrderPlacement.outcome(nothingHeld));

        assertEquals(503, pendingProblem.getInt("status"));
        assertEquals("https://apigate.org/problems/inventory-unavailable", pendingProblem.getString("type"));
        assertEquals(pendingRelease.id(), pendingProblem.getString("orderId"));
        assertTrue(pendingProblem.getString("detail").contains("did not answer in time"), pendingProblem::toString);
        assertTrue(pendingProblem.getString("detail").contains("released automatically"), pendingProblem::toString);
        assertTrue(heldProblem.getString("detail").contains("holds no stock"), heldProblem::toString);
    }

    @Test
    void aRequestStillRunningIsAConflictForItsRepeat() {
        JsonObject problem = problemOf(() -> OrderPlacement.replay(pending(), "k-1"));

        assertEquals(409, problem.getInt("status"));
        assertEquals("https://apigate.org/problems/idempotency-key-in-use", problem.getString("type"));
    }

    @Test
    void anUnsettledOrderIsNoOutcome() {
        assertThrows(IllegalStateException.class, () -> OrderPlacement.outcome(pending()));
    }
}
