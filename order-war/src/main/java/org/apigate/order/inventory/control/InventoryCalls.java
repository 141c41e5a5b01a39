package org.apigate.order.inventory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The guarded calls to inventory. Every value can be overridden with MicroProfile Fault Tolerance's keys, e.g.
 * {@code org.apigate.order.inventory.control.InventoryCalls/reserve/Timeout/value}. Payara's {@code @Timeout}
 * does not interrupt a blocking read, so {@code inventory/mp-rest/readTimeout} (plus the connect timeout) is kept
 * at or below it. Only the release is retried: a reservation is not repeated blindly, a release is idempotent.
 * Answers with a business meaning (out of stock, released) are not failures for the circuit breaker.
 */
@ApplicationScoped
public class InventoryCalls {

    @Inject
    @RestClient
    InventoryClient inventory;

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {OutOfStockException.class, ReservationReleasedException.class})
    public void reserve(ReservationRequest request) {
        inventory.reserve(request).close();
    }

    @Retry(maxRetries = 1, delay = 200, jitter = 100)
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    public void release(String reservationId) {
        inventory.release(reservationId).close();
    }
}
