package org.apigate.order.instances;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What a failed call to one instance tells about the request, as the gateway sorts it: never sent (no connection
 * could be made), may have arrived (a timeout or a connection that broke once the request was on its way), or an
 * answer (the instance responded - an error status mapped to an exception is the service's word, not a failure of
 * the connection - or the call failed before anything was sent for a reason another instance would not change).
 */
public enum CallFailure {

    /** Refused, no route, unknown host, connect timeout: the request is not at the instance. */
    NOT_SENT,
    /** A read timeout, a reset, an early end of the stream: the instance may have acted on the request. */
    MAY_HAVE_ARRIVED,
    /** Not a failure of the connection. */
    ANSWER;

    /** Sorts {@code failure} by the first I/O exception among its causes. */
    public static CallFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return neverSent(io) ? NOT_SENT : MAY_HAVE_ARRIVED;
            }
        }
        return ANSWER;
    }

    private static boolean neverSent(IOException failure) {
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException
                || failure instanceof UnknownHostException) {
            return true;
        }
        // the JDK's client says "Connect timed out" for a connection never made, "Read timed out" after sending
        return failure instanceof SocketTimeoutException && failure.getMessage() != null
                && failure.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }

    /**
     * Whether the call may go on to the next instance: any call that was never sent; one that may have arrived only
     * when repeating it is harmless.
     */
    public boolean allowsNextInstance(boolean idempotent) {
        return this == NOT_SENT || (this == MAY_HAVE_ARRIVED && idempotent);
    }
}
