package org.apigate.order.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The guarded call to user-war. A lookup is idempotent, so it is retried once; a 404 is an answer, neither retried
 * nor a failure for the circuit breaker. Overridable with MicroProfile Fault Tolerance's keys, e.g.
 * {@code org.apigate.order.users.control.UserCalls/find/Timeout/value}; {@code user/mp-rest/readTimeout} (plus the
 * connect timeout) is kept at or below the timeout because Payara's {@code @Timeout} does not interrupt a read.
 */
@ApplicationScoped
public class UserCalls {

    @Inject
    @RestClient
    UserClient users;

    @Retry(maxRetries = 1, delay = 100, jitter = 50, abortOn = UnknownUserException.class)
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UnknownUserException.class)
    public void find(String id) {
        users.find(id).close();
    }
}
