package org.apigate.gateway.proxy;

import jakarta.servlet.http.HttpServletRequest;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Origin;
import org.apigate.gateway.exchange.Trace;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headers a call made on behalf of a client request carries to a service - the proxied request and the gateway's
 * own calls for it (overview branches, lookups) alike, so every service sees the same identity, request id and
 * origin: the client's end-to-end headers, except the forwarding headers, which are the gateway's ({@link Origin}:
 * a client cannot forge them), the gateway's request id and the request's trace context (the gateway's span as the
 * parent, so the client's own {@code traceparent} is replaced, not passed on).
 */
public final class ForwardedHeaders {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    /** Set by the gateway or dropped: RFC 7239's {@code Forwarded} would carry a client's claims unchecked. */
    private static final List<String> REPLACED = List.of(FORWARDED_FOR, FORWARDED_PROTO, FORWARDED_HOST, "Forwarded",
            "X-Real-IP", "X-Request-Id", TRACEPARENT, TRACESTATE);

    private ForwardedHeaders() {
    }

    public static Map<String, List<String>> of(Exchange exchange) {
        HttpServletRequest request = exchange.request();
        Map<String, List<String>> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            received.put(name, Collections.list(request.getHeaders(name)));
        }
        Map<String, List<String>> headers = Headers.endToEnd(received, REPLACED);
        Origin origin = exchange.origin();
        headers.put(FORWARDED_FOR, List.of(origin.forwardedFor()));
        headers.put(FORWARDED_PROTO, List.of(origin.proto()));
        headers.put(FORWARDED_HOST, List.of(origin.host()));
        headers.put("X-Request-Id", List.of(exchange.requestId()));
        Trace trace = exchange.trace();
        if (trace != null) {
            headers.put(TRACEPARENT, List.of(trace.traceparent()));
            if (trace.tracestate() != null) {
                headers.put(TRACESTATE, List.of(trace.tracestate()));
            }
        }
        return headers;
    }
}
