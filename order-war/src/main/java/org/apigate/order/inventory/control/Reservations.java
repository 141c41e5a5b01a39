package org.apigate.order.inventory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.faulttolerance.TimeoutInterrupts;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * Stock reservations for orders, with every failure sorted into what the saga must know: out of stock, or
 * unavailable - and then whether a reservation may exist that must be released.
 */
@ApplicationScoped
public class Reservations {

    @Inject
    InventoryCalls calls;

    /** Holds the stock for every line, or throws; the reservation id is the order id. */
    public void reserve(String orderId, List<ReservationRequest.Item> lines) {
        try {
            calls.reserve(new ReservationRequest(orderId, lines));
        } catch (Exception e) {
            // Exception: Payara's fault tolerance can throw an InterruptedException undeclared (see release)
            TimeoutInterrupts.clearAfterFailedCall();
            if (e instanceof OutOfStockException outOfStock) {
                throw outOfStock;
            }
            if (e instanceof ReservationReleasedException) {
                throw new InventoryUnavailableException("reservation " + orderId + " was already released", false, e);
            }
            throw new InventoryUnavailableException(describe(e), mayHaveArrived(e), e);
        }
    }

    /** Releases the reservation, also one that was never made (inventory then refuses it for good). */
    public void release(String orderId) {
        try {
            calls.release(orderId);
        } catch (Exception e) {
            // Exception, not RuntimeException: when @Timeout has interrupted the first attempt, Payara's @Retry
            // delay ends at once with an InterruptedException it throws undeclared - it must count as unavailable
            TimeoutInterrupts.clearAfterFailedCall();
            throw new InventoryUnavailableException(describe(e), true, e);
        }
    }

    /**
     * Whether a failed request may still have reached inventory: unless the circuit breaker did not even try, it
     * may. Not even a refused connection proves the opposite: the JDK's HttpURLConnection under the REST client
     * silently sends a POST again on a new connection when a pooled one fails after sending, so the first attempt
     * may have reserved just before inventory died, and the refusal only concerns the resend (seen with inventory
     * killed under load: reservations without their order). Releasing what was never reserved only leaves a
     * tombstone.
     */
    static boolean mayHaveArrived(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CircuitBreakerOpenException) {
                return false;
            }
        }
        return true;
    }

    /** A reason fit for the order's audit trail and the client; the exception itself goes to the log. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CircuitBreakerOpenException) {
                return "calls to inventory are paused after repeated failures";
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t instanceof InterruptedException) {
                return "inventory did not answer in time";
            }
            if (t instanceof ConnectException) {
                return "inventory refused the connection";
            }
            if (t instanceof InventoryErrorException) {
                return t.getMessage();
            }
        }
        return "inventory could not be reached";
    }
}
