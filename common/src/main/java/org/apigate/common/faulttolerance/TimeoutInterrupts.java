package org.apigate.common.faulttolerance;

/**
 * Payara's {@code @Timeout} (6.2025.10) interrupts the calling thread when the time is up, and clears that interrupt
 * again only when the guarded method returns normally. When the method fails instead - typically a REST call that
 * ended with its own read timeout just after the deadline - the flag stays set on the thread, and the next guarded
 * call on it fails at once with "Computation already concluded in a concurrent attempt" (seen here: the release
 * that should undo a timed-out reservation). On a pooled request thread the stale interrupt would also hit the next
 * request it serves. Whoever catches the failure of a guarded call clears it.
 */
public final class TimeoutInterrupts {

    private TimeoutInterrupts() {
    }

    /** Drops an interrupt left on this thread by a {@code @Timeout} that fired during a call that then failed. */
    public static void clearAfterFailedCall() {
        Thread.interrupted();
    }
}
