package org.apigate.gateway.routing.entity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One call to a service, before an instance is chosen. {@code target} is the path (and query) below the instance's
 * base URL, e.g. {@code /api/orders/42?x=1}; {@code headers} are the ones to send (already end-to-end only).
 */
public record UpstreamRequest(String method, String service, String target, Map<String, List<String>> headers,
                              byte[] body) {

    /** RFC 9110 §9.2.2: repeating these has the same effect as sending them once, so another instance may retry. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    public UpstreamRequest {
        body = body == null ? new byte[0] : body;
    }

    /** A body-less GET to the same service with the same headers (identity, request id, forwarding). */
    public UpstreamRequest get(String otherTarget) {
        Map<String, List<String>> getHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        getHeaders.putAll(headers);
        getHeaders.remove("Content-Type");
        return new UpstreamRequest("GET", service, otherTarget, getHeaders, null);
    }

    public boolean idempotent() {
        return IDEMPOTENT.contains(method);
    }
}
