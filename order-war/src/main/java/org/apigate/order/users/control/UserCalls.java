package org.apigate.order.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.apigate.order.instances.Failover;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Whether a user exists: the guarded call to user-war, over its instances in turn ({@link Failover}). A lookup is
 * idempotent: it goes on to the next instance after a timeout or a broken connection too, and is retried once; a 404
 * is the answer "no" ({@link UnknownUserException}), neither retried nor a failure for the circuit breaker; any other
 * error status (the Rest Client's {@link WebApplicationException}) is a failure of the service. Overridable with MicroProfile Fault Tolerance's keys, e.g.
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
        try {
            Failover.call(users.instances(), client -> client.find(id), true).close();
        } catch (WebApplicationException answered) {
            if (answered.getResponse().getStatus() == Response.Status.NOT_FOUND.getStatusCode()) {
                throw new UnknownUserException();
            }
            throw answered;
        }
    }
}
