package org.apigate.order.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.order.instances.Failover;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The guarded call to user-war, over its instances in turn ({@link Failover}). A lookup is idempotent: it goes on to
 * the next instance after a timeout or a broken connection too, and is retried once; a 404 is an answer, neither
 * retried nor a failure for the circuit breaker. Overridable with MicroProfile Fault Tolerance's keys, e.g.
 * {@code org.apigate.order.users.control.UserCalls/find/Timeout/value}; {@code user/mp-rest/readTimeout} (plus the
 * connect timeout) is kept at or below the timeout because Payara's {@code @Timeout} does not interrupt a read.
 */
@ApplicationScoped
public class UserCalls {

    @Inject
    UserInstances users;

    @Retry(maxRetries = 1, delay = 100, jitter = 50, abortOn = UnknownUserException.class)
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UnknownUserException.class)
    public void find(String id) {
        Failover.call(users.instances(), client -> client.find(id), true).close();
    }
}
