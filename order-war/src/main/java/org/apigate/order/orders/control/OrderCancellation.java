package org.apigate.order.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.order.inventory.control.InventoryUnavailableException;
import org.apigate.order.inventory.control.Reservations;
import org.apigate.order.orders.entity.Order;
import org.apigate.order.orders.entity.OrderStatus;

import java.util.logging.Logger;

/**
 * Cancels a CONFIRMED order: the stock is released first and the order marked CANCELLED only then, so when
 * inventory is unavailable the order stays CONFIRMED with its stock, and the client can simply try again.
 * Cancelling a CANCELLED order answers it unchanged.
 */
@ApplicationScoped
public class OrderCancellation {

    private static final Logger LOG = Logger.getLogger(OrderCancellation.class.getName());

    @Inject
    OrderBook book;

    @Inject
    Reservations reservations;

    public Order cancel(String id) {
        Order order = book.find(id);
        if (order.status() == OrderStatus.CANCELLED) {
            return order;
        }
        if (order.status() != OrderStatus.CONFIRMED) {
            throw OrderProblems.notCancellable(id, order.status());
        }
        try {
            reservations.release(id);
        } catch (InventoryUnavailableException e) {
            LOG.warning(() -> "Order " + id + " not cancelled: " + e.getMessage() + " (" + e.getCause() + ")");
            throw OrderProblems.cancelUnavailable(id, e.getMessage());
        }
        return book.cancel(id);
    }
}
