package org.apigate.order.inventory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.order.instances.Failover;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The guarded calls to inventory, each over inventory's instances in turn ({@link Failover}). Every value can be
 * overridden with MicroProfile Fault Tolerance's keys, e.g.
 * {@code org.apigate.order.inventory.control.InventoryCalls/reserve/Timeout/value}. Payara's {@code @Timeout}
 * does not interrupt a blocking read, so {@code inventory/mp-rest/readTimeout} (plus the connect timeout) is kept
 * at or below it; another instance is tried after a timeout only while the {@code @Timeout} has not expired.
 * Answers with a business meaning (out of stock, released) are not failures for the circuit breaker.
 * <p>
 * Both calls may be repeated on another instance even when the first may have arrived. A release is idempotent. A
 * reservation is too, by its id: the instances share one database, a repeated id gets the first outcome, and a
 * repeat that races the first attempt loses on the id's key and reads the winner's outcome - so stock is held once
 * however many instances saw the request, and a release leaves a tombstone that refuses any attempt still under
 * way. Only the release is retried by {@code @Retry}: a reservation is not sent again to the same instances.
 */
@ApplicationScoped
public class InventoryCalls {

    @Inject
    InventoryInstances inventory;

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {OutOfStockException.class, ReservationReleasedException.class})
    public void reserve(ReservationRequest request) {
        Failover.call(inventory.instances(), client -> client.reserve(request), true).close();
    }

    @Retry(maxRetries = 1, delay = 200, jitter = 100)
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    public void release(String reservationId) {
        Failover.call(inventory.instances(), client -> client.release(reservationId), true).close();
    }
}
