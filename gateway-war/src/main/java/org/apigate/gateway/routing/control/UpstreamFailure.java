package org.apigate.gateway.routing.control;

import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** An instance gave no answer. What happened decides whether another instance may be tried, and the status. */
public final class UpstreamFailure extends Exception {

    /** How a call failed; {@code mayHaveArrived}: the instance may have received (and acted on) the request. */
    public enum Kind {
        REFUSED(false, 502),
        CONNECT_TIMEOUT(false, 504),
        TIMEOUT(true, 504),
        BROKEN(true, 502);

        private final boolean mayHaveArrived;
        private final int status;

        Kind(boolean mayHaveArrived, int status) {
            this.mayHaveArrived = mayHaveArrived;
            this.status = status;
        }
    }

    private final Kind kind;

    public UpstreamFailure(Kind kind, Throwable cause) {
        super(kind.name(), cause, false, false);
        this.kind = kind;
    }

    /** Classifies what the JDK client reported; the most specific cause in the chain wins. */
    public static UpstreamFailure of(Throwable failure) {
        return new UpstreamFailure(kindOf(failure), failure);
    }

    private static Kind kindOf(Throwable failure) {
        if (causedBy(failure, HttpConnectTimeoutException.class)) {
            return Kind.CONNECT_TIMEOUT;
        }
        if (causedBy(failure, HttpTimeoutException.class) || causedBy(failure, TimeoutException.class)) {
            return Kind.TIMEOUT;
        }
        if (causedBy(failure, ConnectException.class)) {
            return Kind.REFUSED;
        }
        return Kind.BROKEN;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether the next instance may be tried: always when the request never arrived, otherwise only when repeating it
     * is harmless (an idempotent method) - a POST that timed out may have created an order already.
     */
    public boolean allowsRetry(UpstreamRequest request) {
        return !kind.mayHaveArrived || request.idempotent();
    }

    public ProblemException toProblem(String service) {
        Problem problem = kind.status == 504
                ? Problem.typed(504, "upstream-timeout", "Gateway Timeout",
                        "The " + service + " service did not answer in time.")
                : Problem.typed(502, "upstream-failed", "Bad Gateway",
                        "The " + service + " service refused or dropped the connection.");
        return new ProblemException(problem);
    }
}
