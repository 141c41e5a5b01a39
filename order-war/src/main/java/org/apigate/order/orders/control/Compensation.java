package org.apigate.order.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.order.inventory.control.InventoryUnavailableException;
import org.apigate.order.inventory.control.Reservations;
import org.apigate.order.orders.entity.Order;

import java.util.logging.Logger;

/**
 * Undoes a reservation that a FAILED order may hold. The order is marked "release pending" before inventory is
 * asked, so if the release cannot be done now - or the process dies first - {@link CompensationTimer} finds the
 * marker and retries until inventory confirms. Releasing is idempotent in inventory, and releasing an id it never
 * saw leaves a tombstone that refuses a late reservation, so this is safe whether or not the reservation was made.
 */
@ApplicationScoped
public class Compensation {

    private static final Logger LOG = Logger.getLogger(Compensation.class.getName());

    @Inject
    OrderBook book;

    @Inject
    Reservations reservations;

    /** Marks the order FAILED and, when a reservation may exist, releases it now if inventory lets us. */
    public Order abandon(String orderId, String reason, boolean mayHoldReservation) {
        Order failed = book.fail(orderId, reason, mayHoldReservation);
        return failed.releasePending() ? release(failed) : failed;
    }

    /** Fails an order whose saga was interrupted (it stayed PENDING too long), then releases as above. */
    public void abandonInterrupted(String orderId) {
        abandon(orderId, "placement was interrupted before inventory's answer was stored", true);
    }

    /** One more try at a pending release; the order keeps its marker when inventory is still unavailable. */
    public void retryRelease(String orderId) {
        release(book.find(orderId));
    }

    private Order release(Order order) {
        try {
            reservations.release(order.id());
            LOG.info(() -> "Released the reservation of failed order " + order.id());
            return book.released(order.id());
        } catch (InventoryUnavailableException e) {
            LOG.warning(() -> "Release of order " + order.id() + " still pending: " + e.getMessage() + " ("
                    + e.getCause() + ")");
            return order;
        }
    }
}
