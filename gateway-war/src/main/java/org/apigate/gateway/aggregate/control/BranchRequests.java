package org.apigate.gateway.aggregate.control;

import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.routing.entity.RequestBody;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The calls an overview makes, as the contract's service APIs define them, each with the headers the client's request
 * would carry to the services through the proxy - its token, its request id, X-Forwarded-* - except those that
 * would change the representation the gateway has to read: it asks for plain JSON, uncompressed, whole, always.
 */
final class BranchRequests {

    /** Negotiation and conditional headers the client meant for the overview, not for the gateway's own calls. */
    private static final List<String> REPRESENTATION = List.of("Accept", "Accept-Encoding", "Range", "If-Range",
            "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "Content-Type");

    private BranchRequests() {
    }

    static final String USER = "user";
    static final String ORDER = "order";
    static final String INVENTORY = "inventory";

    /** {@code forwarded}: the headers the proxy would send for this request (ForwardedHeaders). */
    static Map<String, List<String>> headers(Map<String, List<String>> forwarded) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(forwarded);
        REPRESENTATION.forEach(headers::remove);
        headers.put("Accept", List.of("application/json"));
        return headers;
    }

    /** {@code GET /api/users/{id}}, the id canonically encoded as the proxy would forward it. */
    static UpstreamRequest user(String userId, Map<String, List<String>> headers, Duration timeout) {
        return get(USER, RequestTarget.path(List.of("api", "users", userId)), headers, timeout);
    }

    /** {@code GET /api/orders?userId=X}: the service's first page of the user's orders. */
    static UpstreamRequest orders(String userId, Map<String, List<String>> headers, Duration timeout) {
        return get(ORDER, "/api/orders?userId=" + encode(userId), headers, timeout);
    }

    /** {@code GET /api/items?sku=A&sku=B}: one batch for every SKU. */
    static UpstreamRequest stock(Collection<String> skus, Map<String, List<String>> headers, Duration timeout) {
        String query = skus.stream().map(sku -> "sku=" + encode(sku)).collect(Collectors.joining("&"));
        return get(INVENTORY, "/api/items?" + query, headers, timeout);
    }

    private static UpstreamRequest get(String service, String target, Map<String, List<String>> headers,
                                       Duration timeout) {
        return new UpstreamRequest("GET", service, target, headers, RequestBody.NONE, timeout);
    }

    private static String encode(String value) {
        // form encoding writes a space as '+', which a query string's reader (JAX-RS @QueryParam) decodes back
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
