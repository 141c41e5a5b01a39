package org.apigate.gateway.aggregate.control;

import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.routing.entity.UpstreamRequest;
import org.apigate.gateway.target.TargetParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calls an overview makes: the contract's targets, the client's identity and request id, plain JSON. */
class BranchRequestsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Map<String, List<String>> FORWARDED = forwarded();

    static Map<String, List<String>> forwarded() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Authorization", List.of("Bearer t"));
        headers.put("X-Request-Id", List.of("rid-1"));
        headers.put("X-Forwarded-For", List.of("127.0.0.1"));
        headers.put("accept-encoding", List.of("gzip"));
        headers.put("Accept", List.of("text/html"));
        headers.put("If-None-Match", List.of("\"x\""));
        headers.put("Range", List.of("bytes=0-1"));
        return headers;
    }

    @Test
    void branchesCarryTheClientsIdentityAndRequestIdButAskForPlainJson() {
        Map<String, List<String>> headers = BranchRequests.headers(FORWARDED);

        assertEquals(List.of("Bearer t"), headers.get("Authorization"));
        assertEquals(List.of("rid-1"), headers.get("x-request-id"));
        assertEquals(List.of("127.0.0.1"), headers.get("X-Forwarded-For"));
        assertEquals(List.of("application/json"), headers.get("Accept"));
        for (String dropped : List.of("Accept-Encoding", "If-None-Match", "Range")) {
            assertFalse(headers.containsKey(dropped), dropped);
        }
    }

    @Test
    void targetsAreTheContractsServiceApis() {
        UpstreamRequest user = BranchRequests.user("u1", FORWARDED, TIMEOUT);
        assertEquals("user", user.service());
        assertEquals("GET", user.method());
        assertEquals("/api/users/u1", user.target());
        assertEquals(TIMEOUT, user.timeout());
        assertTrue(user.body().isEmpty());

        UpstreamRequest orders = BranchRequests.orders("a b&c", FORWARDED, TIMEOUT);
        assertEquals("order", orders.service());
        assertEquals("/api/orders?userId=a+b%26c", orders.target());

        UpstreamRequest stock = BranchRequests.stock(List.of("A-1", "B&2"), FORWARDED, TIMEOUT);
        assertEquals("inventory", stock.service());
        assertEquals("/api/items?sku=A-1&sku=B%262", stock.target());
    }

    @Test
    void theUserIdIsEncodedAsTheProxyWouldForwardIt() {
        RequestTarget overview = TargetParser.parse("/api/users/u%201%25%c3%a9+/overview", null);
        String id = overview.segment(2);

        UpstreamRequest user = BranchRequests.user(id, FORWARDED, TIMEOUT);

        assertEquals("/api/users/u%201%25%C3%A9+", user.target());
        assertEquals(id, TargetParser.parse(user.target(), null).segment(2), "the service reads the same id");
    }
}
