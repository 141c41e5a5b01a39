package org.apigate.gateway.proxy;

import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Origin;
import org.apigate.gateway.exchange.TestRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a service hears about the client: its end-to-end headers, and forwarding headers only the gateway's. */
class ForwardedHeadersTest {

    @Test
    void theForwardingHeadersAreTheGatewaysAndTheOthersPassEndToEnd() {
        Exchange exchange = new TestRequest().method("POST").uri("/api/orders")
                .header("Authorization", "Bearer t")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Accept", "text/plain")
                .header("X-Forwarded-For", "1.2.3.4")
                .header("x-forwarded-proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=1.2.3.4;host=evil.example")
                .header("X-Real-IP", "1.2.3.4")
                .header("X-Request-Id", "client-chosen")
                .header("Host", "gateway.example")
                .header("Connection", "keep-alive, X-Hop")
                .header("X-Hop", "secret")
                .header("Content-Length", "12")
                .exchange();
        exchange.requestId("rid-1");
        exchange.origin(new Origin("203.0.113.7", "198.51.100.1, 203.0.113.7", "http", "10.0.0.2:8080",
                URI.create("http://10.0.0.2:8080")));

        Map<String, List<String>> headers = ForwardedHeaders.of(exchange);

        assertEquals(Map.of("Authorization", List.of("Bearer t"),
                "Content-Type", List.of("application/json"),
                "Accept", List.of("application/json", "text/plain"),
                "X-Forwarded-For", List.of("198.51.100.1, 203.0.113.7"),
                "X-Forwarded-Proto", List.of("http"),
                "X-Forwarded-Host", List.of("10.0.0.2:8080"),
                "X-Request-Id", List.of("rid-1")), Map.copyOf(headers));
        assertFalse(headers.containsKey("forwarded"));
    }
}
