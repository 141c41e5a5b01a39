package org.apigate.order.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.faulttolerance.TimeoutInterrupts;
import org.apigate.order.inventory.control.InventoryUnavailableException;
import org.apigate.order.inventory.control.OutOfStockException;
import org.apigate.order.inventory.control.ReservationRequest;
import org.apigate.order.inventory.control.Reservations;
import org.apigate.order.orders.entity.IdempotencyRecord;
import org.apigate.order.orders.entity.Order;
import org.apigate.order.orders.entity.OrderForm;
import org.apigate.order.orders.entity.OrderStatus;
import org.apigate.order.users.control.UnknownUserException;
import org.apigate.order.users.control.UserCalls;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Places an order as a saga: check the user, write the order PENDING (own transaction), reserve its stock in
 * inventory under the order's id, then settle it CONFIRMED, REJECTED or FAILED. Not transactional itself, so no
 * database transaction waits on another service.
 *
 * <p>With an Idempotency-Key, a request that repeats an earlier one of the same caller gets that one's outcome (the
 * order, or the same out-of-stock problem) instead of a new order; the same key sent by another caller is another
 * key. An earlier attempt that FAILED is no outcome: the repeat places the order again, as a new order (inventory
 * refuses the failed attempt's id for good) that the key then stands for.
 */
@ApplicationScoped
public class OrderPlacement {

    private static final Logger LOG = Logger.getLogger(OrderPlacement.class.getName());

    @Inject
    OrderBook book;

    @Inject
    UserCalls users;

    @Inject
    Reservations reservations;

    @Inject
    Compensation compensation;

    /**
     * The placed order; every other outcome is thrown as a problem.
     *
     * @param caller         the subject of the caller's token: an Idempotency-Key is the caller's own
     * @param idempotencyKey the key, or null
     */
    public Order place(OrderForm form, String caller, String idempotencyKey) {
        String fingerprint = RequestFingerprint.of(form);
        String failedAttempt = null;
        IdempotencyRecord.Key key = idempotencyKey == null ? null : new IdempotencyRecord.Key(caller, idempotencyKey);
        if (key != null) {
            Optional<KeyedOrder> earlier = book.underKey(key);
            if (earlier.isPresent()) {
                Order previous = sameRequest(earlier.get(), fingerprint, idempotencyKey);
                if (previous.status() != OrderStatus.FAILED) {
                    return replay(previous, idempotencyKey);
                }
                failedAttempt = previous.id();
            }
        }
        requireUser(form.userId());
        Order order;
        try {
            order = book.open(form, key, fingerprint, failedAttempt);
        } catch (KeyInUseException concurrentRequest) {
            return book.underKey(key)
                    .map(winner -> sameRequest(winner, fingerprint, idempotencyKey))
                    .filter(winner -> winner.status() != OrderStatus.FAILED)
                    .map(winner -> replay(winner, idempotencyKey))
                    .orElseThrow(() -> OrderProblems.keyInUse(idempotencyKey));
        }
        return reserve(order);
    }

    private static Order sameRequest(KeyedOrder earlier, String fingerprint, String key) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw OrderProblems.keyReused(key);
        }
        return earlier.order();
    }

    /** The first outcome again; a request still running is a conflict. */
    static Order replay(Order earlier, String key) {
        if (earlier.status() == OrderStatus.PENDING) {
            throw OrderProblems.keyInUse(key);
        }
        return outcome(earlier);
    }

    /** A settled order as the API answers it: the order when it holds its stock, otherwise the problem. */
    static Order outcome(Order settled) {
        return switch (settled.status()) {
            case CONFIRMED, CANCELLED -> settled;
            case REJECTED -> throw OrderProblems.outOfStock(settled);
            case FAILED -> throw OrderProblems.inventoryUnavailable(settled);
            case PENDING -> throw new IllegalStateException("Order " + settled.id() + " is not settled");
        };
    }

    void requireUser(String userId) {
        try {
            users.find(userId);
        } catch (UnknownUserException e) {
            throw OrderProblems.unknownUser(userId);
        } catch (Exception e) {
            // Exception, not RuntimeException: when @Timeout has interrupted the first attempt, Payara's @Retry
            // delay ends at once with an InterruptedException it throws undeclared - a 500 if it got through
            TimeoutInterrupts.clearAfterFailedCall();
            LOG.warning(() -> "User service unavailable while checking user " + userId + ": " + e);
            throw OrderProblems.userServiceUnavailable();
        }
    }

    private Order reserve(Order order) {
        Order settled;
        try {
            reservations.reserve(order.id(), items(order));
            settled = book.confirm(order.id());
        } catch (OutOfStockException e) {
            settled = book.reject(order.id(), e.shortSkus());
        } catch (InventoryUnavailableException e) {
            LOG.warning(() -> "Order " + order.id() + " failed: " + e.getMessage() + " (" + e.getCause() + ")");
            settled = compensation.abandon(order.id(), e.getMessage(), e.mayHaveReserved());
        }
        return outcome(settled);
    }

    private static List<ReservationRequest.Item> items(Order order) {
        return order.lines().stream().map(line -> new ReservationRequest.Item(line.sku(), line.quantity())).toList();
    }
}
