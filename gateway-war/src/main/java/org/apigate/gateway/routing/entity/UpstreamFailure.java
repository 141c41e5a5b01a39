package org.apigate.gateway.routing.entity;

import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;

/**
 * An instance gave no answer. The kind decides whether the request may be tried again (here or on another instance),
 * whether it counts against the instance's health, and the status the client gets.
 */
public final class UpstreamFailure extends Exception {

    /**
     * How a call failed.
     */
    public enum Kind {
        /** Connection refused: nothing was sent. */
        REFUSED(false, true, 502),
        /** Connecting took too long: nothing was sent. */
        CONNECT_TIMEOUT(false, true, 504),
        /**
         * A kept-alive connection from the pool failed before any byte of an answer came back: the instance had
         * closed it (idle timeout, restart, crash). Says nothing about the instance now; idempotent requests are
         * tried again on a fresh connection.
         */
        STALE_CONNECTION(true, false, 502),
        /** No answer in time: the instance may have received and acted on the request. */
        TIMEOUT(true, true, 504),
        /** The connection broke while the request was sent or the answer awaited: the request may have arrived. */
        BROKEN(true, true, 502),
        /** Every pooled connection was busy for too long: the gateway, not the instance, is overloaded. */
        POOL_EXHAUSTED(false, false, 503),
        /** The client's body could not be read while it was sent on (too large, or the client went away). */
        CLIENT_BODY(true, false, 400);

        private final boolean mayHaveArrived;
        private final boolean countsAgainstInstance;
        private final int status;

        Kind(boolean mayHaveArrived, boolean countsAgainstInstance, int status) {
            this.mayHaveArrived = mayHaveArrived;
            this.countsAgainstInstance = countsAgainstInstance;
            this.status = status;
        }

        /** Whether no connection to the instance could be made: whatever was pooled for it is gone too. */
        public boolean connecting() {
            return this == REFUSED || this == CONNECT_TIMEOUT;
        }

        /** Whether this failure says something about the instance's health (passive health counts it). */
        public boolean countsAgainstInstance() {
            return countsAgainstInstance;
        }
    }

    private final Kind kind;

    public UpstreamFailure(Kind kind, Throwable cause) {
        super(kind.name(), cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether the request may be sent again: always when it never arrived, otherwise only when repeating it is
     * harmless (an idempotent method) - a POST that timed out may have created an order already. After a stale
     * pooled connection a request with an {@code Idempotency-Key} may be sent again too (as Go's HTTP client does):
     * the instance usually died or closed the connection before it read the request, and if it did act on it, the
     * service answers the repeat with that first outcome. A streamed body already partly sent cannot be sent again.
     */
    public boolean allowsRetry(UpstreamRequest request) {
        boolean repeatable = request.idempotent() || (kind == Kind.STALE_CONNECTION && request.keyed());
        return (!kind.mayHaveArrived || repeatable) && request.body().sendable();
    }

    public ProblemException toProblem(String service) {
        Problem problem = switch (kind.status) {
            case 504 -> Problem.typed(504, "upstream-timeout", "Gateway Timeout",
                    "The " + service + " service did not answer in time.");
            case 503 -> Problem.typed(503, "gateway-busy", "Service Unavailable",
                    "The gateway has no free connection to the " + service + " service; retry shortly.");
            case 400 -> Problem.of(400, "Bad Request", "The request body could not be read.");
            default -> Problem.typed(502, "upstream-failed", "Bad Gateway",
                    "The " + service + " service refused or dropped the connection.");
        };
        return new ProblemException(problem);
    }
}
