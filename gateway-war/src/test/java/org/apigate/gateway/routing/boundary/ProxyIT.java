package org.apigate.gateway.routing.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apigate.gateway.backend.GatewayArchive;
import org.apigate.gateway.backend.LiveConfigSource;
import org.apigate.gateway.backend.ScrapedMetrics;
import org.apigate.gateway.backend.TestBackend;
import org.apigate.gateway.backend.TestBackend.Received;
import org.apigate.gateway.probe.LogProbe;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxy on real Payara Micro, deployed as the packaged WAR, in front of stand-in instances in this JVM: user
 * (two healthy instances), order (two instances, one of which can be taken down, and a closed port) and inventory
 * (two instances used for timeouts, dropped connections and ejection, and a third that configuration can switch to
 * at run time). Passive health is shared by every test, so each test that depends on it first waits until the
 * instances it uses are back in rotation. Observability is checked here too, on the same server: request and
 * upstream metrics, the circuit gauge, readiness following the services, and the access log (captured inside the
 * server by a test-only resource).
 */
@ExtendWith(ArquillianExtension.class)
class ProxyIT {

    static final TestBackend USER_A = TestBackend.start("user-a");
    static final TestBackend USER_B = TestBackend.start("user-b");
    static final TestBackend ORDER_1 = TestBackend.start("order-1");
    static final TestBackend ORDER_2 = TestBackend.start("order-2");
    static final String ORDER_REFUSING = "http://127.0.0.1:" + TestBackend.closedPort() + "/order";
    static final TestBackend STOCK_1 = TestBackend.start("inventory-1");
    static final TestBackend STOCK_2 = TestBackend.start("inventory-2");
    static final TestBackend STOCK_3 = TestBackend.start("inventory-3");
    static final Path LIVE_CONFIG = Path.of("target", "it-live", "proxy.properties");
    static final String ADMIN = "Bearer " + Tokens.admin("proxy-admin");

    @Deployment(testable = false)
    static WebArchive gateway() throws IOException {
        Files.createDirectories(LIVE_CONFIG.getParent());
        LiveConfigSource.write(LIVE_CONFIG, Map.of());
        return GatewayArchive.withLiveConfig(Map.of(
                "gateway.service.user.urls", USER_A.url("/user") + "," + USER_B.url("/user"),
                "gateway.service.order.urls", ORDER_1.url("/order") + "," + ORDER_2.url("/order") + ","
                        + ORDER_REFUSING,
                "gateway.service.inventory.urls", STOCK_1.url("/inventory") + "," + STOCK_2.url("/inventory"),
                "gateway.proxy.timeout", "PT2S",
                "gateway.proxy.max-body-bytes", "1024",
                "gateway.proxy.eject-after", "3",
                "gateway.proxy.eject-for", "PT3S",
                "gateway.health.probe-timeout", "PT0.5S",
                "gateway.health.probe-interval", "PT0.2S"), LIVE_CONFIG)
                .addClass(LogProbe.class);
    }

    @AfterAll
    static void stopBackends() {
        Stream.of(USER_A, USER_B, ORDER_1, ORDER_2, STOCK_1, STOCK_2, STOCK_3).forEach(TestBackend::close);
    }

    @ArquillianResource
    URL base;

    String gateway;
    String id;

    @BeforeEach
    void locate() {
        gateway = Loopback.deployment(base, "");
        id = "it-" + UUID.randomUUID();
    }

    Http.Reply call(String method, String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", ADMIN, "X-Request-Id", id));
        all.addAll(List.of(headers));
        if (body != null) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        return Http.send(method, gateway + path, body, all.toArray(String[]::new));
    }

    Http.Reply misbehaving(String method, String path, String behaviour) {
        return call(method, path, method.equals("POST") ? "{}" : null, TestBackend.BEHAVIOUR, behaviour);
    }

    long received(TestBackend... backends) {
        return Stream.of(backends).mapToLong(b -> b.count(r -> r.hasRequestId(id))).sum();
    }

    @Test
    void forwardsMethodPathQueryAndBody() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            String body = List.of("POST", "PUT", "PATCH").contains(method) ? "{\"n\":\"" + method + "\"}" : null;

            Http.Reply reply = call(method, "/api/users/u-1/things%20x?b=2&a=1&a=3", body);

            assertEquals(200, reply.status(), reply::toString);
            JsonObject echo = reply.json();
            assertEquals(method, echo.getString("method"));
            assertEquals("/user/api/users/u-1/things%20x", echo.getString("path"));
            assertEquals("b=2&a=1&a=3", echo.getString("query"));
            assertEquals(body == null ? "" : body, echo.getString("body"));
            assertEquals("application/json", reply.contentType());
        }
        Http.Reply head = call("HEAD", "/api/users/u-1", null);
        assertEquals(200, head.status(), head::toString);
        assertEquals("", head.body());
        assertEquals(1, USER_A.count(r -> r.method().equals("HEAD") && r.hasRequestId(id))
                + USER_B.count(r -> r.method().equals("HEAD") && r.hasRequestId(id)));
    }

    @Test
    void forwardsEndToEndHeadersBothWaysAndDropsHopByHopOnes() {
        String raw = rawExchange("GET /api/users/hop HTTP/1.1\r\n"
                + "Host: " + gateway.substring("http://".length()) + "\r\n"
                + "Authorization: " + ADMIN + "\r\n"
                + "X-Request-Id: " + id + "\r\n"
                + "Connection: close, X-Hop\r\n"
                + "X-Hop: secret\r\n"
                + "Keep-Alive: timeout=9\r\n"
                + "Proxy-Authorization: Basic eDp5\r\n"
                + "TE: trailers\r\n"
                + "X-End-To-End: visible\r\n"
                + "Accept: application/json\r\n\r\n");

        assertTrue(raw.startsWith("HTTP/1.1 200"), raw);
        String responseHeaders = raw.toLowerCase(java.util.Locale.ROOT);
        assertTrue(responseHeaders.contains("x-end-to-end: kept"), raw);
        assertFalse(responseHeaders.contains("x-hop-reply"), raw);
        assertFalse(responseHeaders.contains("keep-alive: timeout=5"), raw);
        assertFalse(responseHeaders.contains("proxy-authenticate"), raw);

        TestBackend.Received received = Stream.concat(USER_A.received().stream(), USER_B.received().stream())
                .filter(r -> r.hasRequestId(id)).findFirst().orElseThrow();
        Map<String, List<String>> sent = received.headers();
        for (String hopByHop : List.of("X-Hop", "Keep-Alive", "Proxy-Authorization", "TE")) {
            assertFalse(sent.containsKey(hopByHop), () -> hopByHop + " forwarded: " + sent);
        }
        assertEquals(List.of("visible"), sent.get("X-End-To-End"));
        assertEquals(List.of(ADMIN), sent.get("Authorization"));
        assertEquals(List.of("application/json"), sent.get("Accept"));
        assertFalse(sent.get("Host").get(0).equals(gateway.substring("http://".length())), "Host is the instance's");
    }

    @Test
    void replacesForwardedHeadersFromAnUntrustedClient() {
        Http.Reply reply = call("GET", "/api/users/fwd", null, "X-Forwarded-For", "203.0.113.7, 198.51.100.2",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example", "Forwarded", "for=203.0.113.7",
                "Host", "evil.example");

        JsonObject headers = reply.json().getJsonObject("headers");
        assertEquals("127.0.0.1", first(headers, "x-forwarded-for"), "the peer, not what the client claims");
        assertEquals("http", first(headers, "x-forwarded-proto"));
        assertEquals(gateway.substring("http://".length()), first(headers, "x-forwarded-host"),
                "the gateway's own address, never the client's Host");
        assertFalse(headers.containsKey("forwarded"), "RFC 7239 claims of a client are dropped");
    }

    @Test
    void extendsForwardedHeadersFromATrustedProxyAndAnswersTheConfiguredPublicUrl() {
        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.trusted-proxies", "10.0.0.0/8, 127.0.0.1"));
        try {
            Http.Reply reply = call("GET", "/api/users/fwd", null, "X-Forwarded-For", "203.0.113.7, 10.1.2.3",
                    "X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example.com");
            JsonObject headers = reply.json().getJsonObject("headers");
            assertEquals("203.0.113.7, 10.1.2.3, 127.0.0.1", first(headers, "x-forwarded-for"));
            assertEquals("https", first(headers, "x-forwarded-proto"));
            assertEquals("api.example.com", first(headers, "x-forwarded-host"));

            Http.Reply created = call("POST", "/api/users", "{}", "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "api.example.com", TestBackend.BEHAVIOUR, "created");
            assertEquals("https://api.example.com/api/users/new-1", created.header("Location"), created::toString);

            LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.trusted-proxies", "127.0.0.1",
                    "gateway.public-url", "https://shop.example.com"));
            Http.Reply configured = call("POST", "/api/users", "{}", "X-Forwarded-Host", "elsewhere.example",
                    TestBackend.BEHAVIOUR, "created");
            assertEquals("https://shop.example.com/api/users/new-1", configured.header("Location"));
        } finally {
            LiveConfigSource.write(LIVE_CONFIG, Map.of());
        }
        Http.Reply untrusted = call("POST", "/api/users", "{}", "Host", "evil.example", TestBackend.BEHAVIOUR,
                "created");
        assertEquals(gateway + "/api/users/new-1", untrusted.header("Location"), "a client's Host never steers it");
    }

    @Test
    void acceptsGeneratesEchoesAndForwardsTheRequestId() {
        Http.Reply accepted = call("GET", "/api/users/rid", null);
        assertEquals(id, accepted.header("X-Request-Id"));
        assertEquals(id, first(accepted.json().getJsonObject("headers"), "x-request-id"));

        Http.Reply generated = Http.get(gateway + "/api/users/rid", "Authorization", ADMIN);
        String generatedId = generated.header("X-Request-Id");
        assertNotNull(generatedId);
        assertEquals(generatedId, first(generated.json().getJsonObject("headers"), "x-request-id"));

        Http.Reply replaced = Http.get(gateway + "/api/users/rid", "Authorization", ADMIN,
                "X-Request-Id", "no spaces!");
        assertNotEquals("no spaces!", replaced.header("X-Request-Id"));
        assertEquals(replaced.header("X-Request-Id"), first(replaced.json().getJsonObject("headers"), "x-request-id"));

        Http.Reply problem = Http.get(gateway + "/api/nothing", "Authorization", ADMIN, "X-Request-Id", id);
        assertEquals(id, assertProblem(404, problem).getString("requestId"));
    }

    @Test
    void takesTurnsOverTheInstancesOfAService() {
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            served.add(call("GET", "/api/users/rr", null).json().getString("backend"));
        }

        for (int i = 1; i < served.size(); i++) {
            assertNotEquals(served.get(i - 1), served.get(i), served::toString);
        }
        assertEquals(3, served.stream().filter("user-a"::equals).count(), served::toString);
    }

    @Test
    void passesServiceErrorsThroughUnchanged() {
        Http.Reply reply = misbehaving("GET", "/api/users/u-404", "status=409");

        assertEquals(409, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("yes", reply.header("X-Upstream"));
        String backend = reply.json().getString("detail").replace("answered by ", "");
        assertEquals(TestBackend.Answer.problem(409, "answered by " + backend, id).body(), reply.body());
        assertEquals(1, received(USER_A, USER_B));
    }

    @Test
    void triesAnotherInstanceAfterA503OnlyForIdempotentMethods() {
        Http.Reply get = misbehaving("GET", "/api/users/busy", "unavailable");
        assertEquals(503, get.status());
        assertTrue(get.json().getString("detail").startsWith("unavailable at user-"), get::toString);
        assertEquals(1, received(USER_A));
        assertEquals(1, received(USER_B));

        id = "it-" + UUID.randomUUID();
        Http.Reply post = misbehaving("POST", "/api/users/busy", "unavailable");
        assertEquals(503, post.status());
        assertEquals(1, received(USER_A, USER_B));
    }

    @Test
    void refusesBodiesOverTheLimitWith413() {
        byte[] tooLarge = new byte[1025];
        java.util.Arrays.fill(tooLarge, (byte) 'x');

        assertProblem(413, call("POST", "/api/users", new String(tooLarge, StandardCharsets.US_ASCII)));
        Http.Reply chunked = Http.send(Http.request(gateway + "/api/users", "Authorization", ADMIN, "X-Request-Id", id)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))));
        assertProblem(413, chunked);
        assertEquals(0, received(USER_A, USER_B));

        Http.Reply atLimit = call("POST", "/api/users", new String(tooLarge, 0, 1024, StandardCharsets.US_ASCII));
        assertEquals(200, atLimit.status(), atLimit::toString);
        assertEquals(1024, atLimit.json().getString("body").length());
    }

    @Test
    void answersPathsNoServiceServesWith404() {
        for (String path : List.of("/api/nothing", "/api/usersx", "/api", "/api/inventoryitems")) {
            assertProblem(404, call("GET", path, null));
        }
        assertEquals(0, received(USER_A, USER_B, ORDER_1, ORDER_2, STOCK_1, STOCK_2));
    }

    @Test
    void triesTheNextInstanceWhenOneRefusesEvenForAPost() {
        // passive health alone: with active health the refusing instance would fail its probe and get no turn
        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.health.active", "false"));
        try {
            awaitInRotation("order", ORDER_REFUSING);
            int failuresBefore = instance("order", ORDER_REFUSING).getInt("consecutiveFailures");
            for (int i = 0; i < 3; i++) {
                id = "it-" + UUID.randomUUID();
                Http.Reply reply = call("POST", "/api/orders", "{\"n\":" + i + "}");
                assertEquals(200, reply.status(), reply::toString);
                assertEquals(1, received(ORDER_1, ORDER_2), "each POST reaches exactly one instance");
            }
            assertTrue(instance("order", ORDER_REFUSING).getInt("consecutiveFailures") > failuresBefore,
                    "one of three turns started at the refusing instance");
        } finally {
            LiveConfigSource.write(LIVE_CONFIG, Map.of());
        }
    }

    @Test
    void timesOutWith504AndRetriesOnlyIdempotentMethods() {
        awaitInRotation("inventory", STOCK_1.url("/inventory"), STOCK_2.url("/inventory"));

        Instant start = Instant.now();
        JsonObject post = assertProblem(504, misbehaving("POST", "/api/inventory/items/slow", "slow"));
        assertTrue(post.getString("type").endsWith("/upstream-timeout"), post::toString);
        assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(8)) < 0, "bounded wait");
        assertEquals(1, received(STOCK_1, STOCK_2), "a POST that may have arrived is not repeated elsewhere");

        id = "it-" + UUID.randomUUID();
        assertProblem(504, misbehaving("GET", "/api/inventory/items/slow", "slow"));
        assertEquals(1, received(STOCK_1));
        assertEquals(1, received(STOCK_2));
    }

    @Test
    void answersADroppedConnectionWith502() {
        awaitInRotation("inventory", STOCK_1.url("/inventory"), STOCK_2.url("/inventory"));

        JsonObject get = assertProblem(502, misbehaving("GET", "/api/inventory/items/drop", "close"));
        assertTrue(get.getString("type").endsWith("/upstream-failed"), get::toString);
        assertTrue(received(STOCK_1) >= 1 && received(STOCK_2) >= 1, "a GET is tried on each instance");

        awaitInRotation("inventory", STOCK_1.url("/inventory"), STOCK_2.url("/inventory"));
        id = "it-" + UUID.randomUUID();
        assertProblem(502, misbehaving("POST", "/api/inventory/items/drop", "close"));
        assertEquals(1, received(STOCK_1, STOCK_2));
    }

    @Test
    void ejectsNoMoreThanItsShareOfAServiceAndTriesEveryInstanceWhenAllAreOut() {
        awaitInRotation("inventory", STOCK_1.url("/inventory"), STOCK_2.url("/inventory"));
        for (int i = 0; i < 8; i++) {
            assertProblem(502, misbehaving("GET", "/api/inventory/items/drop", "close"));
        }
        List<String> statuses = List.of(instance("inventory", STOCK_1.url("/inventory")).getString("status"),
                instance("inventory", STOCK_2.url("/inventory")).getString("status"));
        assertEquals(1, statuses.stream().filter("ejected"::equals).count(),
                "max-ejection-percent 50: one of two at most, whatever both did: " + statuses);
        assertEquals(200, call("GET", "/api/inventory/items/after", null).status(), "the survivor serves");

        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.proxy.max-ejection-percent", "100"));
        try {
            for (int i = 0; i < 8; i++) {
                misbehaving("GET", "/api/inventory/items/drop", "close");
            }
            assertEquals("ejected", instance("inventory", STOCK_1.url("/inventory")).getString("status"));
            assertEquals("ejected", instance("inventory", STOCK_2.url("/inventory")).getString("status"));
            id = "it-" + UUID.randomUUID();
            Http.Reply panic = call("GET", "/api/inventory/items/panic", null);
            assertEquals(200, panic.status(), () -> "every instance ejected: all are tried, not a 503: " + panic);
        } finally {
            LiveConfigSource.write(LIVE_CONFIG, Map.of());
        }
        awaitCleared("inventory", "/api/inventory/items/recovered", STOCK_1.url("/inventory"),
                STOCK_2.url("/inventory"));
    }

    @Test
    void takesAnInstanceThatFailsItsReadinessProbeOutOfRotationAndBackWithoutAFailedRequest() {
        String failing = ORDER_1.url("/order");
        awaitInRotation("order", failing, ORDER_2.url("/order"));
        ORDER_1.down(true);
        try {
            await(Duration.ofSeconds(10), () -> "failing".equals(instance("order", failing).getString("probe")),
                    "order-1's probe fails");
            long before = ORDER_1.received().size();
            for (int i = 0; i < 6; i++) {
                Http.Reply reply = call("GET", "/api/orders/probed-" + i, null);
                assertEquals("order-2", reply.json().getString("backend"), reply::toString);
            }
            assertEquals(before, ORDER_1.received().size() - probesSince(ORDER_1, before),
                    "out of rotation: only probes reach it");
        } finally {
            ORDER_1.down(false);
        }
        await(Duration.ofSeconds(10), () -> "order-1".equals(
                call("GET", "/api/orders/back-again", null).json().getString("backend")), "order-1 back in rotation");
        assertEquals("up", instance("order", failing).getString("status"), "never ejected: no request failed");
    }

    /** How many of the requests a backend received since {@code since} were readiness probes. */
    static long probesSince(TestBackend backend, long since) {
        List<Received> received = backend.received();
        return received.subList((int) since, received.size()).stream()
                .filter(r -> r.path().equals("/health/ready")).count();
    }

    @Test
    void ejectsAnInstanceThatKeepsFailingAndTakesItBackAfterTheCooldown() {
        String failing = ORDER_1.url("/order");
        // passive health alone: active health would take the instance out before any request failed on it; and no
        // share limit: the order service's third instance, which refuses every connection, may be ejected already
        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.health.active", "false",
                "gateway.proxy.max-ejection-percent", "100"));
        awaitInRotation("order", failing, ORDER_2.url("/order"));
        ORDER_1.down(true);
        try {
            for (int i = 0; i < 20 && !"ejected".equals(instance("order", failing).getString("status")); i++) {
                Http.Reply reply = call("GET", "/api/orders/o-" + i, null);
                assertEquals(200, reply.status(), "a GET fails over: " + reply);
                assertEquals("order-2", reply.json().getString("backend"));
            }
            assertEquals("ejected", instance("order", failing).getString("status"));
            assertEquals(1, ScrapedMetrics.of(gateway).value("gateway_circuitbreaker_open",
                    Map.of("service", "order", "instance", failing)), "the ejection is an open circuit");

            long before = ORDER_1.received().size();
            for (int i = 0; i < 4; i++) {
                assertEquals("order-2", call("GET", "/api/orders/skip", null).json().getString("backend"));
            }
            assertEquals(before, ORDER_1.received().size() - probesSince(ORDER_1, before),
                    "an ejected instance gets no traffic but its readiness probes");
        } finally {
            ORDER_1.down(false);
        }
        try {
            await(Duration.ofSeconds(20), () -> "order-1".equals(
                    call("GET", "/api/orders/back", null).json().getString("backend")), "order-1 back in rotation");
            JsonObject back = instance("order", failing);
            assertEquals("up", back.getString("status"));
            assertEquals(0, back.getInt("consecutiveFailures"));
            assertEquals(0, ScrapedMetrics.of(gateway).value("gateway_circuitbreaker_open",
                    Map.of("service", "order", "instance", failing)), "closed again");
        } finally {
            LiveConfigSource.write(LIVE_CONFIG, Map.of());
        }
    }

    @Test
    void countsRequestsByRouteAndStatusAndTimesUpstreamCalls() {
        Map<String, String> user200 = Map.of("route", "users", "status", "200");
        Map<String, String> unrouted404 = Map.of("route", "unrouted", "status", "404");
        Map<String, String> order401 = Map.of("route", "orders", "status", "401");
        String upstreamCount = "gateway_upstream_duration_seconds_count";
        ScrapedMetrics before = ScrapedMetrics.of(gateway);

        assertEquals(200, call("GET", "/api/users/metered", null).status());
        assertProblem(404, call("GET", "/api/nothing-metered", null));
        assertProblem(401, Http.get(gateway + "/api/orders/metered", "Authorization", "Bearer not-a-token"));

        // counted just after the client got its answer
        await(Duration.ofSeconds(10), () -> ScrapedMetrics.of(gateway).value("gateway_requests_total", order401)
                > before.value("gateway_requests_total", order401), "the refused request counted");
        ScrapedMetrics after = ScrapedMetrics.of(gateway);
        for (Map<String, String> labels : List.of(user200, unrouted404, order401)) {
            assertEquals(before.value("gateway_requests_total", labels) + 1,
                    after.value("gateway_requests_total", labels), () -> labels + " in\n" + after.text());
        }
        assertEquals(before.value(upstreamCount, Map.of("service", "user")) + 1,
                after.value(upstreamCount, Map.of("service", "user")), after::text);
        assertTrue(after.value("gateway_upstream_duration_seconds_sum", Map.of("service", "user")) > 0);
    }

    @Test
    void writesOneAccessLineForEveryRequestEvenARefusedOne() {
        assertEquals(204, Http.put(gateway + "/admin/probe/log/org.apigate.gateway.access", "", "Authorization", ADMIN).status());
        assertEquals(200, call("GET", "/api/users/logged?email=secret", null).status());
        String refusedId = "it-refused-" + UUID.randomUUID();
        assertEquals(401, Http.get(gateway + "/api/orders/logged", "Authorization", "Bearer not-a-token",
                "X-Request-Id", refusedId).status());

        Matcher proxied = Pattern.compile("id=" + Pattern.quote(id) + " trace=[0-9a-f]{32} sub=proxy-admin route=users method=GET "
                + "path=/api/users/logged status=200 upstream_ms=(\\d+\\.\\d) total_ms=(\\d+\\.\\d)")
                .matcher(accessLine(id));
        assertTrue(proxied.matches(), proxied::toString);
        assertTrue(Double.parseDouble(proxied.group(1)) <= Double.parseDouble(proxied.group(2)));
        String refused = accessLine(refusedId);
        assertTrue(refused.matches("id=" + Pattern.quote(refusedId) + " trace=[0-9a-f]{32} sub=- route=orders method=GET "
                + "path=/api/orders/logged status=401 upstream_ms=- total_ms=\\d+\\.\\d"), refused);
    }

    /** The one access-log line of the request with this id, once it is written. */
    String accessLine(String requestId) {
        await(Duration.ofSeconds(10), () -> accessLines(requestId).size() == 1, "the access line of " + requestId);
        return accessLines(requestId).get(0);
    }

    List<String> accessLines(String requestId) {
        return Http.get(gateway + "/admin/probe/log/org.apigate.gateway.access", "Authorization", ADMIN).jsonArray().getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).filter(l -> l.startsWith("id=" + requestId + " ")).toList();
    }

    @Test
    void isNotReadyWhileARoutedServiceHasNoReachableInstanceButStaysLive() {
        String key = "gateway.service.inventory.urls";
        try {
            LiveConfigSource.write(LIVE_CONFIG, Map.of(key, STOCK_3.url("/inventory")));
            awaitReadiness(200);
            STOCK_3.down(true);

            JsonObject data = upstreamsCheck(awaitReadiness(503)).getJsonObject("data");
            // Payara renders every data value as a string
            assertEquals("inventory", data.getString("unavailable"), data::toString);
            assertEquals("1", data.getString("inventory.configured"), data::toString);
            assertEquals("0", data.getString("inventory.ready"), data::toString);
            assertEquals("2", data.getString("user.ready"), data::toString);
            Http.Reply live = Http.get(gateway + "/health/live");
            assertEquals(200, live.status(), "an upstream outage is no reason to restart the gateway: " + live);

            STOCK_3.down(false);
            assertEquals("UP", upstreamsCheck(awaitReadiness(200)).getString("status"));
        } finally {
            STOCK_3.down(false);
            LiveConfigSource.write(LIVE_CONFIG, Map.of());
        }
    }

    Http.Reply awaitReadiness(int status) {
        // generous: the first health requests of a fresh server are slow on a busy machine
        await(Duration.ofSeconds(30), () -> Http.get(gateway + "/health/ready").status() == status,
                "readiness " + status);
        return Http.get(gateway + "/health/ready");
    }

    static JsonObject upstreamsCheck(Http.Reply health) {
        return health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("gateway-upstreams")).findFirst()
                .orElseThrow(() -> new AssertionError("no gateway-upstreams check: " + health));
    }

    @Test
    void publishesHealthMetricsAndItsOpenApiDocument() {
        assertEquals(200, call("GET", "/api/users/counted", null).status());
        assertEquals(200, Http.get(gateway + "/health/live").status());
        Http.Reply metrics = Http.get(gateway + "/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("gateway_requests_total{"), metrics::body);
        assertTrue(metrics.body().contains("gateway_circuitbreaker_open{"), "a gauge per configured instance");
        Http.Reply openApi = Http.get(gateway + "/openapi");
        assertEquals(200, openApi.status(), openApi::toString);
        assertTrue(openApi.body().contains("/admin/routes:"), openApi::body);
        assertTrue(openApi.body().contains("/api/orders/{path}:"), openApi::body);
    }

    @Test
    void followsAChangedInstanceListWithoutRedeploy() {
        String key = "gateway.service.inventory.urls";
        try {
            LiveConfigSource.write(LIVE_CONFIG, Map.of(key, STOCK_3.url("/inventory")));
            for (int i = 0; i < 3; i++) {
                assertEquals("inventory-3", call("GET", "/api/inventory/items/live", null).json().getString("backend"));
            }
            assertEquals(List.of(STOCK_3.url("/inventory")), instances("inventory"));

            LiveConfigSource.write(LIVE_CONFIG, Map.of(key, ","));
            JsonObject none = assertProblem(503, call("GET", "/api/inventory/items/live", null));
            assertTrue(none.getString("detail").contains("configured"), none::toString);
        } finally {
            LiveConfigSource.write(LIVE_CONFIG, Map.of());
        }
        assertEquals(List.of(STOCK_1.url("/inventory"), STOCK_2.url("/inventory")), instances("inventory"));
    }

    @Test
    void showsRoutesInstancesAndTheirHealthToAdmins() {
        Http.Reply reply = call("GET", "/admin/routes", null);

        assertEquals(200, reply.status(), reply::toString);
        List<JsonObject> routes = reply.json().getJsonArray("routes").getValuesAs(JsonObject.class);
        assertEquals(List.of("user", "order", "inventory"), routes.stream().map(r -> r.getString("service")).toList());
        assertEquals("/api/inventory/**", routes.get(2).getString("path"));
        assertEquals("/api/**", routes.get(2).getString("servicePath"));
        assertEquals(List.of(USER_A.url("/user"), USER_B.url("/user")), routes.get(0).getJsonArray("instances")
                .getValuesAs(JsonObject.class).stream().map(i -> i.getString("url")).toList());
        assertEquals("gateway.service.user.urls", routes.get(0).getString("configKey"));
    }

    List<String> instances(String service) {
        return Http.get(gateway + "/admin/routes", "Authorization", ADMIN).json().getJsonArray("routes")
                .getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("service").equals(service))
                .flatMap(r -> r.getJsonArray("instances").getValuesAs(JsonObject.class).stream())
                .map(i -> i.getString("url")).toList();
    }

    JsonObject instance(String service, String url) {
        Http.Reply routes = Http.get(gateway + "/admin/routes", "Authorization", ADMIN);
        assertEquals(200, routes.status(), routes::toString);
        return routes.json().getJsonArray("routes").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("service").equals(service))
                .flatMap(r -> r.getJsonArray("instances").getValuesAs(JsonObject.class).stream())
                .filter(i -> i.getString("url").equals(url))
                .findFirst().orElseThrow(() -> new AssertionError(url + " not listed: " + routes));
    }

    /** Waits out a cooldown left by another test: the instances are offered traffic again. */
    void awaitInRotation(String service, String... urls) {
        await(Duration.ofSeconds(15), () -> Stream.of(urls)
                .allMatch(url -> instance(service, url).getString("status").equals("up")), service + " in rotation");
    }

    /**
     * Waits until the instances are in rotation with a clean record, sending successful requests to {@code path} (a
     * success clears an instance's failures): the next test must not find them on probation.
     */
    void awaitCleared(String service, String path, String... urls) {
        await(Duration.ofSeconds(20), () -> {
            boolean clean = Stream.of(urls).map(url -> instance(service, url))
                    .allMatch(i -> i.getString("status").equals("up") && i.getInt("consecutiveFailures") == 0);
            if (!clean) {
                call("GET", path, null);
            }
            return clean;
        }, service + " in rotation with a clean record");
    }

    static void await(Duration timeout, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String first(JsonObject headers, String name) {
        JsonValue values = headers.get(name);
        return values == null ? null : values.asJsonArray().getString(0);
    }

    /**
     * One request on a socket of its own, for the headers the JDK client refuses to send (Connection); returns the
     * response's status line and headers.
     */
    String rawExchange(String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int next = in.read();
                if (next == -1) {
                    break;
                }
                head.append((char) next);
            }
            return head.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
