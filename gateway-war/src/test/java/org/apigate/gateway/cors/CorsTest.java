package org.apigate.gateway.cors;

import org.apigate.gateway.config.CachedConfig;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.TestRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Preflights answered or refused by the gateway, actual requests marked for allowed origins, or nothing when off. */
class CorsTest {

    static final String APP = "https://app.example.com";

    final TestConfig config = TestConfig.of("gateway.cors.allowed-origins", APP + ", http://localhost:3000");
    final Cors cors = new Cors();

    {
        cors.config = new CachedConfig(config, 0);
        cors.create();
    }

    static Exchange preflight(String origin) {
        return new TestRequest().method("OPTIONS").uri("/api/orders").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").exchange();
    }

    static Exchange actual(String origin) {
        TestRequest request = TestRequest.get("/api/orders");
        return (origin == null ? request : request.header("Origin", origin)).exchange();
    }

    @Test
    void answersAPreflightFromAnAllowedOrigin() {
        Exchange exchange = preflight(APP);

        assertFalse(cors.apply(exchange), "answered here");

        assertEquals(204, exchange.reply().status());
        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE",
                "Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, X-Request-Id",
                "Access-Control-Max-Age", "600"), exchange.gatewayHeaders());
        assertTrue(exchange.corsByGateway());
    }

    @Test
    void comparesOriginsIgnoringCaseAndEchoesTheOriginAsSent() {
        Exchange exchange = preflight("HTTPS://App.Example.com");

        assertFalse(cors.apply(exchange));
        assertEquals("HTTPS://App.Example.com", exchange.gatewayHeaders().get("Access-Control-Allow-Origin"));
    }

    @Test
    void refusesAPreflightFromAnotherOriginWithoutCorsHeaders() {
        for (String origin : new String[]{"https://evil.example", "https://app.example.com:8443", "null",
                "http://app.example.com"}) {
            Exchange exchange = preflight(origin);

            ProblemException e = assertThrows(ProblemException.class, () -> cors.apply(exchange), origin);

            assertEquals(403, e.problem().status());
            assertTrue(e.problem().type().endsWith("cors-origin-not-allowed"));
            assertEquals(Map.of("Vary", "Origin"), exchange.gatewayHeaders(), origin);
            assertNull(exchange.reply());
        }
    }

    @Test
    void marksAnActualRequestFromAnAllowedOrigin() {
        Exchange exchange = actual("http://localhost:3000");

        assertTrue(cors.apply(exchange));

        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", "http://localhost:3000",
                "Access-Control-Expose-Headers",
                "Location, X-Request-Id, RateLimit, RateLimit-Policy, Retry-After, X-Gateway-Complete"),
                exchange.gatewayHeaders());
        assertTrue(exchange.corsByGateway(), "a service's own Access-Control-* headers are replaced");
    }

    @Test
    void anActualRequestFromAnotherOriginOrNoneGetsOnlyVary() {
        for (String origin : new String[]{"https://evil.example", null}) {
            Exchange exchange = actual(origin);

            assertTrue(cors.apply(exchange));
            assertEquals(Map.of("Vary", "Origin"), exchange.gatewayHeaders());
        }
    }

    @Test
    void anyOriginIsStarWithoutCredentials() {
        config.set("gateway.cors.allowed-origins", "*");
        Exchange exchange = actual("https://anyone.example");

        assertTrue(cors.apply(exchange));

        assertEquals("*", exchange.gatewayHeaders().get("Access-Control-Allow-Origin"));
        assertNull(exchange.gatewayHeaders().get("Access-Control-Allow-Credentials"));
    }

    @Test
    void anyOriginWithCredentialsEchoesTheOrigin() {
        config.set("gateway.cors.allowed-origins", "*").set("gateway.cors.allow-credentials", "true");
        Exchange preflight = preflight("https://anyone.example");

        assertFalse(cors.apply(preflight));

        assertEquals("https://anyone.example", preflight.gatewayHeaders().get("Access-Control-Allow-Origin"));
        assertEquals("true", preflight.gatewayHeaders().get("Access-Control-Allow-Credentials"));
    }

    @Test
    void usesTheConfiguredMethodsHeadersAndMaxAge() {
        config.set("gateway.cors.allowed-methods", "get, post").set("gateway.cors.allowed-headers", "X-A,,X-B")
                .set("gateway.cors.max-age", "0").set("gateway.cors.exposed-headers", " ");
        Exchange preflight = preflight(APP);

        cors.apply(preflight);

        assertEquals("GET, POST", preflight.gatewayHeaders().get("Access-Control-Allow-Methods"));
        assertEquals("X-A, X-B", preflight.gatewayHeaders().get("Access-Control-Allow-Headers"));
        assertEquals("0", preflight.gatewayHeaders().get("Access-Control-Max-Age"));
        Exchange actual = actual(APP);
        cors.apply(actual);
        assertEquals("Location, X-Request-Id, RateLimit, RateLimit-Policy, Retry-After, X-Gateway-Complete",
                actual.gatewayHeaders().get("Access-Control-Expose-Headers"), "blank is unset: the default");
    }

    @Test
    void offWithoutAllowedOriginsEvenForAPreflight() {
        config.remove("gateway.cors.allowed-origins");

        for (Exchange exchange : new Exchange[]{preflight(APP), actual(APP)}) {
            assertTrue(cors.apply(exchange), "passes on as any other request");
            assertEquals(Map.of(), exchange.gatewayHeaders());
            assertFalse(exchange.corsByGateway());
            assertNull(exchange.reply());
        }
    }

    @Test
    void anUnusableOriginListKeepsCorsOffAndIsReported() {
        config.set("gateway.cors.allowed-origins", "app.example.com, https://ok.example")
                .set("gateway.cors.allow-credentials", "yes");

        Exchange exchange = actual("https://ok.example");
        assertTrue(cors.apply(exchange));

        assertEquals(Map.of(), exchange.gatewayHeaders());
        assertEquals(2, cors.problems().size(), cors.problems()::toString);
        assertTrue(cors.problems().get(0).startsWith("gateway.cors.allowed-origins="));
        assertTrue(cors.problems().get(1).startsWith("gateway.cors.allow-credentials=yes cannot be used"));
    }
}
