package org.apigate.gateway.observability.control;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the access log and the request metrics need to know about one request while it is served: when it started,
 * the response that answers it, the authenticated subject and the time spent in calls to services. Kept as a
 * request attribute, and for the request's own thread also in a thread-local, so that the upstream timing can add to
 * it without being handed the request. Calls a request makes on other threads (the user call of an overview) are
 * in the upstream metrics but not in the request's {@code upstream_ms}, which is the time the request itself waited.
 */
public final class Exchange {

    private static final String ATTRIBUTE = Exchange.class.getName();
    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private final long startNanos;
    private long upstreamNanos = -1;
    private HttpServletResponse response;
    private String subject;

    private Exchange(long startNanos) {
        this.startNanos = startNanos;
    }

    /** The container starts serving a request. */
    public static Exchange begin(ServletRequest request) {
        Exchange exchange = new Exchange(System.nanoTime());
        request.setAttribute(ATTRIBUTE, exchange);
        CURRENT.set(exchange);
        return exchange;
    }

    /**
     * The component that answers the request: the servlet filter for everything that reaches the application, or
     * the authentication mechanism when it refuses a request before any filter runs (a one-line hook there). Creates
     * the exchange if the container had not started it yet.
     */
    public static Exchange answeredBy(ServletRequest request, HttpServletResponse response) {
        Exchange exchange = (Exchange) request.getAttribute(ATTRIBUTE);
        if (exchange == null) {
            exchange = begin(request);
        }
        exchange.response = response;
        return exchange;
    }

    /** The container is done with the request: its exchange, or null when it never started one. */
    public static Exchange end(ServletRequest request) {
        CURRENT.remove();
        return (Exchange) request.getAttribute(ATTRIBUTE);
    }

    /** Adds the duration of a call to a service, when made on the thread of a request being served. */
    static void addUpstream(long nanos) {
        Exchange exchange = CURRENT.get();
        if (exchange != null) {
            exchange.upstreamNanos = Math.max(exchange.upstreamNanos, 0) + nanos;
        }
    }

    public void subject(String subject) {
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }

    /** The response, or null when nothing in the application answered the request. */
    public HttpServletResponse response() {
        return response;
    }

    long upstreamNanos() {
        return upstreamNanos;
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }
}
