package org.apigate.order.orders.control;

import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.order.orders.entity.Order;
import org.apigate.order.orders.entity.OrderStatus;

/**
 * Every problem the order API answers with besides validation, in one place: a replayed outcome (a retry with the
 * same Idempotency-Key) must be built exactly as the first one was.
 */
final class OrderProblems {

    private static final int UNPROCESSABLE = 422;

    private OrderProblems() {
    }

    static ProblemException unknownUser(String userId) {
        return new ProblemException(Problem.typed(Response.Status.NOT_FOUND.getStatusCode(), "unknown-user",
                "Unknown user", "No user with id " + userId + "."));
    }

    static ProblemException userServiceUnavailable() {
        return new ProblemException(Problem.typed(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                "user-service-unavailable", "User service unavailable",
                "The user could not be checked because the user service did not answer; nothing was stored. "
                        + "Try again later."));
    }

    static ProblemException outOfStock(Order rejected) {
        var skus = Json.createArrayBuilder();
        rejected.shortSkus().forEach(skus::add);
        return new ProblemException(Problem.typed(Response.Status.CONFLICT.getStatusCode(), "out-of-stock",
                        "Out of stock", "Not enough stock for " + String.join(", ", rejected.shortSkus())
                                + "; nothing was reserved and order " + rejected.id() + " is REJECTED.")
                .with("shortSkus", skus.build())
                .with("orderId", string(rejected.id())));
    }

    static ProblemException inventoryUnavailable(Order failed) {
        String release = failed.releasePending()
                ? "any stock it may hold will be released automatically"
                : "it holds no stock";
        return new ProblemException(Problem.typed(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                        "inventory-unavailable", "Inventory unavailable",
                        "Order " + failed.id() + " could not be placed (" + failed.reason() + "); it is FAILED and "
                                + release
                                + ". Try again later.")
                .with("orderId", string(failed.id())));
    }

    static ProblemException cancelUnavailable(String orderId, String reason) {
        return new ProblemException(Problem.typed(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                        "inventory-unavailable", "Inventory unavailable",
                        "Order " + orderId + " could not be cancelled (" + reason + "); it stays CONFIRMED. "
                                + "Try again later.")
                .with("orderId", string(orderId)));
    }

    static ProblemException notCancellable(String orderId, OrderStatus status) {
        return new ProblemException(Problem.typed(Response.Status.CONFLICT.getStatusCode(), "not-cancellable",
                        "Order not cancellable",
                        "Order " + orderId + " is " + status + "; only a CONFIRMED order can be cancelled.")
                .with("orderId", string(orderId)));
    }

    static ProblemException keyReused(String key) {
        return new ProblemException(Problem.typed(UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused",
                "Idempotency-Key " + key + " was first used for a different request; use a new key for a new order."));
    }

    static ProblemException keyInUse(String key) {
        return new ProblemException(Problem.typed(Response.Status.CONFLICT.getStatusCode(), "idempotency-key-in-use",
                "Request in progress", "A request with Idempotency-Key " + key
                        + " is still being processed; retry it shortly to get its result."));
    }

    private static JsonString string(String value) {
        return Json.createValue(value);
    }
}
