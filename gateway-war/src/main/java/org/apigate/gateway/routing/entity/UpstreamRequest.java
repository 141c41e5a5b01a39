package org.apigate.gateway.routing.entity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call to a service, before an instance is chosen.
 *
 * @param target  the canonical path and query below the instance's base URL, e.g. {@code /api/orders/42?x=1}
 * @param headers the headers to send (end-to-end only; Host and framing are the client's business)
 * @param timeout how long one instance may take to answer
 */
public record UpstreamRequest(String method, String service, String target, Map<String, List<String>> headers,
                              RequestBody body, Duration timeout) {

    /** RFC 9110 §9.2.2: repeating these has the same effect as sending them once, so another instance may retry. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    /**
     * The header with which a client makes a request safe to repeat whatever its method: the service answers a
     * repeat with the first outcome (draft-ietf-httpapi-idempotency-key-header; the order service does).
     */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public boolean idempotent() {
        return IDEMPOTENT.contains(method);
    }

    /** Whether the client sent an {@code Idempotency-Key}, so that sending the request again is harmless. */
    public boolean keyed() {
        return headers.keySet().stream().anyMatch(IDEMPOTENCY_KEY::equalsIgnoreCase);
    }
}
