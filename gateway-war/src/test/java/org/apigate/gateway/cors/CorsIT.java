package org.apigate.gateway.cors;

import org.apigate.gateway.backend.Await;
import org.apigate.gateway.backend.GatewayArchive;
import org.apigate.gateway.backend.LiveConfigSource;
import org.apigate.gateway.backend.RouteConfig;
import org.apigate.gateway.backend.TestBackend;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.apigate.testing.Problems.assertMissingToken;
import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CORS on real Payara Micro, configured live: the gateway answers a preflight from an allowed origin itself, before
 * authentication, and refuses one from any other; it marks every answer to an allowed origin - a service's, a 401, a
 * 429 - with exactly one {@code Access-Control-Allow-Origin} and {@code Vary: Origin}, replacing what the service
 * says about CORS; a disallowed origin sees no CORS header at all. With no origin configured, CORS is off and
 * {@code OPTIONS} is a method like any other.
 */
@ExtendWith(ArquillianExtension.class)
class CorsIT {

    static final String APP = "https://app.example.com";
    static final String OTHER = "https://evil.example";
    static final Path LIVE_CONFIG = Path.of("target", "it-live", "cors.properties");
    /** Answers {@code .../own-cors} with CORS headers of its own, as a service that handles CORS itself does. */
    static final TestBackend SERVICE = TestBackend.start("cors-service", request ->
            request.path().endsWith("/own-cors") ? Optional.of(new TestBackend.Answer(200, Map.of(
                    "Content-Type", "application/json",
                    "Access-Control-Allow-Origin", "*",
                    "Access-Control-Allow-Credentials", "true",
                    "Access-Control-Expose-Headers", "X-Internal",
                    "Vary", "Accept-Encoding"), "{}")) : Optional.empty());

    @Deployment(testable = false)
    static WebArchive gateway() throws IOException {
        Files.createDirectories(LIVE_CONFIG.getParent());
        LiveConfigSource.write(LIVE_CONFIG, Map.of());
        return GatewayArchive.withLiveConfig(RouteConfig.routes()
                .route("items", "/api/items", "service")
                .route("tight", "/api/tight", "service", "ratelimit", "tight")
                .route("readonly", "/api/readonly", "service", "methods", "GET")
                .service("service", SERVICE.url("/svc"))
                .set("gateway.ratelimit.tight.limit", "1")
                .set("gateway.ratelimit.tight.window", "60")
                .toMap(), LIVE_CONFIG);
    }

    @AfterAll
    static void stopBackend() {
        SERVICE.close();
    }

    @ArquillianResource
    URL base;

    String gateway;
    String id;
    String token;

    @BeforeEach
    void corsOn() {
        gateway = Loopback.deployment(base, "");
        id = "it-" + UUID.randomUUID();
        token = "Bearer " + Tokens.customer("cors-" + UUID.randomUUID());
        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.cors.allowed-origins", APP + ", https://other.app"));
    }

    Http.Reply call(String method, String path, String origin, boolean withToken, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-Request-Id", id));
        if (origin != null) {
            all.addAll(List.of("Origin", origin));
        }
        if (withToken) {
            all.addAll(List.of("Authorization", token));
        }
        all.addAll(List.of(headers));
        return Http.send(method, gateway + path, null, all.toArray(String[]::new));
    }

    Http.Reply preflight(String path, String origin) {
        return call("OPTIONS", path, origin, false, "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "authorization,content-type");
    }

    long received() {
        return SERVICE.count(r -> r.hasRequestId(id));
    }

    static List<String> values(Http.Reply reply, String header) {
        return reply.response().headers().allValues(header);
    }

    static List<String> corsHeaders(Http.Reply reply) {
        return reply.response().headers().map().keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-")).toList();
    }

    static void assertVaryOrigin(Http.Reply reply) {
        assertTrue(values(reply, "Vary").stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::strip)
                .anyMatch("Origin"::equalsIgnoreCase), reply::toString);
    }

    /** Exactly one Access-Control-Allow-Origin, the caller's origin, and the gateway's exposed headers. */
    static void assertMarkedFor(Http.Reply reply, String origin) {
        assertEquals(List.of(origin), values(reply, "Access-Control-Allow-Origin"), reply::toString);
        assertEquals(List.of("Location, X-Request-Id, RateLimit, RateLimit-Policy, Retry-After, X-Gateway-Complete"),
                values(reply, "Access-Control-Expose-Headers"), reply::toString);
        assertVaryOrigin(reply);
    }

    @Test
    void answersAPreflightFromAnAllowedOriginItselfBeforeAuthentication() {
        Http.Reply reply = preflight("/api/items/i-1", APP);

        assertEquals(204, reply.status(), reply::toString);
        assertEquals(List.of(APP), values(reply, "Access-Control-Allow-Origin"));
        assertEquals("GET, HEAD, POST, PUT, PATCH, DELETE", reply.header("Access-Control-Allow-Methods"));
        assertEquals("Authorization, Content-Type, Idempotency-Key, X-Request-Id",
                reply.header("Access-Control-Allow-Headers"));
        assertEquals("600", reply.header("Access-Control-Max-Age"));
        assertNull(reply.header("Access-Control-Allow-Credentials"), "credentials are not allowed as configured");
        assertVaryOrigin(reply);
        assertEquals(0, received(), "a preflight never reaches the service");

        Http.Reply readonly = preflight("/api/readonly/i-1", "https://other.app");
        assertEquals(204, readonly.status(), readonly::toString);
        assertEquals(List.of("https://other.app"), values(readonly, "Access-Control-Allow-Origin"));
    }

    @Test
    void refusesAPreflightFromAnOriginNotAllowed() {
        Http.Reply reply = preflight("/api/items/i-1", OTHER);

        assertProblem(403, reply);
        assertEquals(List.of(), corsHeaders(reply), reply::toString);
        assertEquals(0, received());
    }

    @Test
    void marksAnAllowedOriginsAnswerOnceInsteadOfTheServicesOwnCorsHeaders() {
        Http.Reply reply = call("GET", "/api/items/own-cors", APP, true);

        assertEquals(200, reply.status(), reply::toString);
        assertMarkedFor(reply, APP);
        assertNull(reply.header("Access-Control-Allow-Credentials"), "the service's own is dropped");
        assertTrue(values(reply, "Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")),
                () -> "the service's Vary is kept: " + reply);
        assertEquals(1, received());
    }

    @Test
    void marksErrorsForAnAllowedOriginSoThatABrowserCanReadThem() {
        Http.Reply unauthenticated = call("GET", "/api/items/i-1", APP, false);
        assertMissingToken(unauthenticated);
        assertMarkedFor(unauthenticated, APP);

        assertEquals(200, call("GET", "/api/tight/i-1", APP, true).status());
        Http.Reply limited = call("GET", "/api/tight/i-1", APP, true);
        assertProblem(429, limited);
        assertMarkedFor(limited, APP);
        assertTrue(limited.header("Retry-After") != null, limited::toString);
    }

    @Test
    void givesAnOriginNotAllowedNoCorsHeadersAtAll() {
        Http.Reply reply = call("GET", "/api/items/own-cors", OTHER, true);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(List.of(), corsHeaders(reply), () -> "not even the service's own: " + reply);
        assertEquals(1, received());
    }

    @Test
    void forwardsOptionsLikeAnyOtherMethodWhileCorsIsOff() {
        LiveConfigSource.write(LIVE_CONFIG, Map.of());
        Await.until(Duration.ofSeconds(10), () -> preflight("/api/items/off", APP).status() != 204, "CORS off");

        Http.Reply options = call("OPTIONS", "/api/items/i-1", APP, true, "Access-Control-Request-Method", "PUT");
        assertEquals(200, options.status(), options::toString);
        assertEquals("OPTIONS", options.json().getString("method"), "the service answers it");
        assertEquals(List.of(), corsHeaders(options));

        id = "it-" + UUID.randomUUID();
        assertMissingToken(preflight("/api/items/i-1", APP));
        Http.Reply readonly = call("OPTIONS", "/api/readonly/i-1", APP, true, "Access-Control-Request-Method", "GET");
        assertProblem(405, readonly);
        assertEquals(0, received(), "without a token, or where OPTIONS is not allowed, nothing reaches the service");

        Http.Reply own = call("GET", "/api/items/own-cors", OTHER, true);
        assertEquals(List.of("*"), values(own, "Access-Control-Allow-Origin"), "the service's own CORS, unchanged");
    }
}
