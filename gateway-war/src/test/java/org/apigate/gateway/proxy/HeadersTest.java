package org.apigate.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadersTest {

    static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.computeIfAbsent(namesAndValues[i], n -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void dropsEveryHopByHopHeaderAndThoseRecomputedPerHop() {
        Map<String, List<String>> kept = Headers.endToEnd(headers(
                "Connection", "keep-alive", "Keep-Alive", "timeout=5", "Proxy-Authenticate", "Basic",
                "Proxy-Authorization", "Basic eA==", "TE", "trailers", "Trailer", "X-Sum",
                "Transfer-Encoding", "chunked", "Upgrade", "h2c", "Host", "gateway:8080", "Content-Length", "12",
                "Expect", "100-continue", "Proxy-Connection", "keep-alive",
                "Authorization", "Bearer t", "Content-Type", "application/json", "Accept", "*/*"), List.of());

        assertEquals(List.of("Accept", "Authorization", "Content-Type"), List.copyOf(kept.keySet()));
    }

    @Test
    void dropsTheHeadersThatConnectionNamesInAnyCase() {
        Map<String, List<String>> kept = Headers.endToEnd(headers(
                "connection", "close, X-Hop", "Connection", " x-other ", "x-hop", "secret", "X-OTHER", "secret",
                "X-Visible", "yes"), List.of());

        assertEquals(Map.of("X-Visible", List.of("yes")), Map.copyOf(kept));
    }

    @Test
    void dropsTheGivenHeadersAndKeepsRepeatedValues() {
        Map<String, List<String>> kept = Headers.endToEnd(headers(
                "X-Request-Id", "theirs", "Set-Cookie", "a=1", "Set-Cookie", "b=2"), List.of("x-request-id"));

        assertFalse(kept.containsKey("X-Request-Id"));
        assertEquals(List.of("a=1", "b=2"), kept.get("set-cookie"));
    }

    @Test
    void resultIsCaseInsensitive() {
        assertTrue(Headers.endToEnd(headers("X-Trace", "1"), List.of()).containsKey("x-trace"));
    }
}
