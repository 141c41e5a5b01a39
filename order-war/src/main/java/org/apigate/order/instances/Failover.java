package org.apigate.order.instances;

import java.util.function.Function;
import java.util.logging.Logger;

/**
 * One call to a service over its instances, as the gateway fails over: it starts at the next instance in turn; a call
 * that could not be sent goes on to the next instance whatever it is; one that may have arrived (timeout, broken
 * connection) only when it is idempotent; an answer - whatever the status - ends it. When no instance answered, the
 * last failure is thrown as it came, for the caller's Fault Tolerance and error reporting. No further instance is
 * tried once the calling thread is interrupted: the {@code @Timeout} around the call has expired.
 */
public final class Failover {

    private static final Logger LOG = Logger.getLogger(Failover.class.getName());

    private Failover() {
    }

    /**
     * @param idempotent whether the call may be repeated after it may have reached an instance (a GET, a DELETE, a
     *                   reservation that inventory stores under its id)
     */
    public static <C, T> T call(Instances<C> instances, Function<C, T> call, boolean idempotent) {
        RuntimeException last = null;
        for (Instances.Instance<C> instance : instances.inTurn()) {
            if (last != null && Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                return call.apply(instance.client());
            } catch (RuntimeException e) {
                CallFailure failure = CallFailure.of(e);
                if (!failure.allowsNextInstance(idempotent)) {
                    throw e;
                }
                LOG.fine(() -> instances.service() + " instance " + instance.url() + " failed (" + failure + ", " + e
                        + "); trying the next one");
                last = e;
            }
        }
        throw last;
    }
}
