package org.apigate.gateway.aggregate.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.apigate.gateway.backend.GatewayArchive;
import org.apigate.gateway.backend.LiveConfigSource;
import org.apigate.gateway.backend.TestBackend;
import org.apigate.gateway.backend.TestBackend.Answer;
import org.apigate.gateway.backend.TestBackend.Received;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/users/{id}/overview} on real Payara Micro with the packaged WAR, in front of one stand-in instance
 * per service that answers as the contract says: every user exists except {@code ghost}; every user has two orders
 * with SKUs B, A / C, A, except {@code no-orders}; the inventory knows A and B, not C. A request may ask the
 * stand-ins to be slow with {@value #DELAY} (e.g. {@code user=300,order=300}), a header the gateway forwards to
 * every call like any end-to-end header. Every answer of a stand-in carries headers that must not reach the client.
 */
@ExtendWith(ArquillianExtension.class)
class OverviewIT {

    static final Logger LOG = Logger.getLogger(OverviewIT.class.getName());
    static final String DELAY = "X-Test-Delay";
    static final String COMPLETE = "X-Gateway-Complete";
    static final Map<String, String> LEAKY_HEADERS = Map.of("X-Upstream-Secret", "s3cr3t",
            "Set-Cookie", "session=upstream", "Cache-Control", "max-age=600", "ETag", "\"v1\"",
            "X-Total-Count", "2");
    static final Pattern USER_PATH = Pattern.compile("/user/api/users/([^/]+)");

    static final TestBackend USERS = TestBackend.start("user", OverviewIT::user);
    static final TestBackend ORDERS = TestBackend.start("order", OverviewIT::orders);
    static final TestBackend INVENTORY = TestBackend.start("inventory", OverviewIT::inventory);
    static final String CLOSED = "http://127.0.0.1:" + TestBackend.closedPort();
    static final Path LIVE_CONFIG = Path.of("target", "it-live", "overview.properties");
    static final String ADMIN = "Bearer " + Tokens.admin("overview-admin");
    /** The latency figures' delay d. */
    static final int D = 300;
    /** Longer than the branch timeout (2 s), shorter than the proxy's (10 s). */
    static final String SLOW = "8000";
    static volatile boolean warm;

    @Deployment(testable = false)
    static WebArchive gateway() throws IOException {
        Files.createDirectories(LIVE_CONFIG.getParent());
        LiveConfigSource.write(LIVE_CONFIG, Map.of());
        return GatewayArchive.withLiveConfig(Map.of(
                "gateway.service.user.urls", USERS.url("/user"),
                "gateway.service.order.urls", ORDERS.url("/order"),
                "gateway.service.inventory.urls", INVENTORY.url("/inventory"),
                "gateway.overview.branch-timeout", "PT2S",
                "gateway.overview.deadline", "PT3S",
                // refused calls must stay "refused": no ejection turning them into "unavailable" mid-test
                "gateway.proxy.eject-after", "1000"), LIVE_CONFIG);
    }

    @AfterAll
    static void stopBackends() {
        Stream.of(USERS, ORDERS, INVENTORY).forEach(TestBackend::close);
    }

    @ArquillianResource
    URL base;

    String gateway;
    String id;

    @BeforeEach
    void locate() {
        gateway = Loopback.deployment(base, "");
        id = "ov-" + UUID.randomUUID();
        if (!warm) {
            // the first calls of a fresh server (JIT, connections, thread pools) must not be what a test measures
            await(Duration.ofSeconds(60), () -> "true".equals(overview(ADMIN, "warm-up").header(COMPLETE)));
            warm = true;
        }
    }

    @AfterEach
    void resetLiveConfig() {
        LiveConfigSource.write(LIVE_CONFIG, Map.of());
    }

    // ---- the stand-in services ----

    static Optional<Answer> user(Received request) {
        Matcher user = USER_PATH.matcher(request.path());
        if (!request.method().equals("GET") || !user.matches()) {
            return Optional.empty();
        }
        delay(request, "user");
        String userId = user.group(1);
        if (userId.equals("ghost")) {
            return Optional.of(Answer.problem(404, "No user ghost.", request.header("X-Request-Id").orElse(null)));
        }
        return json(Json.createObjectBuilder().add("id", userId).add("username", userId + "-name")
                .add("email", userId + "@example.org").add("displayName", "User " + userId)
                .add("createdAt", "2026-01-01T00:00:00Z").build().toString());
    }

    static Optional<Answer> orders(Received request) {
        if (!request.path().equals("/order/api/orders") || request.query() == null) {
            return Optional.empty();
        }
        delay(request, "order");
        String userId = request.query().substring("userId=".length());
        JsonArrayBuilder orders = Json.createArrayBuilder();
        if (!userId.equals("no-orders")) {
            orders.add(order("o1", userId, "B", "A")).add(order("o2", userId, "C", "A"));
        }
        return json(orders.build().toString());
    }

    static JsonObject order(String orderId, String userId, String... skus) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        Stream.of(skus).forEach(sku -> lines.add(Json.createObjectBuilder().add("sku", sku).add("quantity", 1)));
        return Json.createObjectBuilder().add("id", orderId).add("userId", userId).add("lines", lines)
                .add("status", "CONFIRMED").add("createdAt", "2026-01-02T00:00:00Z").build();
    }

    static Optional<Answer> inventory(Received request) {
        if (!request.path().equals("/inventory/api/items")) {
            return Optional.empty();
        }
        delay(request, "inventory");
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (String param : request.query().split("&")) {
            String sku = param.substring("sku=".length());
            if (sku.equals("A") || sku.equals("B")) {
                items.add(Json.createObjectBuilder().add("sku", sku).add("name", "item " + sku)
                        .add("available", sku.equals("A") ? 5 : 0).add("reserved", 1));
            }
        }
        return json(items.build().toString());
    }

    static Optional<Answer> json(String body) {
        Map<String, String> headers = new TreeMap<>(LEAKY_HEADERS);
        headers.put("Content-Type", "application/json");
        return Optional.of(new Answer(200, headers, body));
    }

    /** Latency injected on request of the test, not a wait for anything: the stand-in is as slow as asked. */
    static void delay(Received request, String service) {
        for (String entry : request.header(DELAY).orElse("").split(",")) {
            String[] serviceAndMillis = entry.trim().split("=");
            if (serviceAndMillis.length == 2 && serviceAndMillis[0].equals(service)) {
                try {
                    TimeUnit.MILLISECONDS.sleep(Long.parseLong(serviceAndMillis[1]));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // ---- calls and what reached the services ----

    Http.Reply overview(String token, String userId, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", token, "X-Request-Id", id));
        all.addAll(List.of(headers));
        return Http.get(gateway + "/api/users/" + userId + "/overview", all.toArray(String[]::new));
    }

    List<Received> reached(TestBackend backend) {
        return backend.received().stream().filter(r -> r.hasRequestId(id)).toList();
    }

    static JsonObject error(Http.Reply reply, int index) {
        return reply.json().getJsonArray("errors").getJsonObject(index);
    }

    // ---- the tests ----

    @Test
    void composesTheUserItsOrdersAndTheStockOfTheirSkus() {
        Http.Reply reply = overview(ADMIN, "ann");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("application/json", reply.contentType());
        assertEquals("true", reply.header(COMPLETE));
        JsonObject overview = reply.json();
        assertEquals("ann-name", overview.getJsonObject("user").getString("username"));
        JsonArray orders = overview.getJsonArray("orders");
        assertEquals(List.of("o1", "o2"), orders.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id"))
                .toList());
        assertEquals(Json.createObjectBuilder().add("A", 5).add("B", 0).build(), overview.getJsonObject("stock"),
                "C is unknown to the inventory");
        assertTrue(overview.getBoolean("complete"));
        assertEquals(0, overview.getJsonArray("errors").size());

        List<Received> stockCalls = reached(INVENTORY);
        assertEquals(1, stockCalls.size(), "one batch call for all SKUs");
        assertEquals("sku=A&sku=B&sku=C", stockCalls.get(0).query());
        assertEquals("userId=ann", reached(ORDERS).get(0).query());
        assertEquals("/user/api/users/ann", reached(USERS).get(0).path());
        for (Received call : Stream.of(USERS, ORDERS, INVENTORY).flatMap(b -> reached(b).stream()).toList()) {
            assertEquals(Optional.of(ADMIN), call.header("Authorization"), call::toString);
            assertEquals(Optional.of("application/json"), call.header("Accept"));
            assertEquals("GET", call.method());
        }
    }

    @Test
    void theOverviewPathIsTheCompositionsAndEverythingElseUnderUsersStillTheProxys() {
        assertEquals(200, overview(ADMIN, "route").status());
        assertTrue(USERS.received().stream().noneMatch(r -> r.path().endsWith("/overview")),
                "the overview is never forwarded to the user service");

        Http.Reply user = Http.get(gateway + "/api/users/route", "Authorization", ADMIN, "X-Request-Id", id);
        assertEquals(200, user.status());
        assertEquals("s3cr3t", user.header("X-Upstream-Secret"), "proxied as is");
        Http.Reply below = Http.get(gateway + "/api/users/route/overviews", "Authorization", ADMIN);
        assertEquals("/user/api/users/route/overviews", below.json().getString("path"), "proxied (echo)");

        Http.Reply post = Http.post(gateway + "/api/users/route/overview", "{}", "Authorization", ADMIN,
                "X-Request-Id", id);
        assertProblem(405, post);
    }

    @Test
    void noOrdersMeansNoStockCall() {
        Http.Reply reply = overview(ADMIN, "no-orders");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(0, reply.json().getJsonArray("orders").size());
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, reply.json().getJsonObject("stock"));
        assertTrue(reply.json().getBoolean("complete"));
        assertEquals(List.of(), reached(INVENTORY));
    }

    @Test
    void theOrderServiceDownLeavesAPartialOverviewWithTheUser() {
        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.service.order.urls", CLOSED + "/order"));

        Http.Reply reply = overview(ADMIN, "bob");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("false", reply.header(COMPLETE));
        JsonObject overview = reply.json();
        assertEquals("bob", overview.getJsonObject("user").getString("id"));
        assertTrue(overview.isNull("orders"));
        assertTrue(overview.isNull("stock"), "no stock without orders");
        assertFalse(overview.getBoolean("complete"));
        assertEquals(1, overview.getJsonArray("errors").size());
        assertEquals("order", error(reply, 0).getString("service"));
        assertEquals("refused", error(reply, 0).getString("reason"));
        assertEquals(List.of(), reached(INVENTORY));
    }

    @Test
    void aSlowInventoryLeavesAPartialOverviewWithTheOrdersInBoundedTime() {
        long start = System.nanoTime();
        Http.Reply reply = overview(ADMIN, "cy", DELAY, "inventory=" + SLOW);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("false", reply.header(COMPLETE));
        assertEquals(2, reply.json().getJsonArray("orders").size());
        assertTrue(reply.json().isNull("stock"));
        assertEquals(Json.createObjectBuilder().add("service", "inventory").add("reason", "timeout")
                .add("detail", "The inventory service did not answer in time.").build(), error(reply, 0));
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, () -> "the branch timeout (2 s) bounds it: " + took);
    }

    @Test
    void theDeadlineBoundsTheWholeOverviewAndChangesWithoutRedeploy() {
        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.overview.branch-timeout", "PT5S",
                "gateway.overview.deadline", "PT1S"));

        long start = System.nanoTime();
        Http.Reply reply = overview(ADMIN, "hal", DELAY, "inventory=" + SLOW);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(200, reply.status(), reply::toString);
        JsonObject stockError = error(reply, reply.json().getJsonArray("errors").size() - 1);
        assertEquals("inventory", stockError.getString("service"));
        assertEquals("timeout", stockError.getString("reason"));
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, () -> "the 1 s deadline, not the 5 s timeout: " + took);
    }

    @Test
    void theUserServiceDownLeavesAPartialOverviewWithOrdersAndStock() {
        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.service.user.urls", CLOSED + "/user"));

        Http.Reply reply = overview(ADMIN, "dee");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("false", reply.header(COMPLETE));
        assertTrue(reply.json().isNull("user"));
        assertEquals(2, reply.json().getJsonArray("orders").size());
        assertEquals(5, reply.json().getJsonObject("stock").getInt("A"));
        assertEquals("user", error(reply, 0).getString("service"));
        assertEquals("refused", error(reply, 0).getString("reason"));
    }

    @Test
    void anUnknownUserIs404() {
        JsonObject problem = assertProblem(404, overview(ADMIN, "ghost"));

        assertEquals(id, problem.getString("requestId"));
        assertTrue(problem.getString("detail").contains("ghost"), problem::toString);
    }

    @Test
    void aCustomerReadsOnlyItsOwnOverview() {
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String token = "Bearer " + Tokens.customer(alice);

        Http.Reply own = overview(token, alice);
        assertEquals(200, own.status(), own::toString);
        assertEquals(Optional.of(token), reached(USERS).get(0).header("Authorization"));

        id = "ov-" + UUID.randomUUID();
        assertProblem(403, overview(token, "someone-else"));
        assertEquals(List.of(), Stream.of(USERS, ORDERS, INVENTORY).flatMap(b -> reached(b).stream()).toList(),
                "a refused overview calls no service");
        assertEquals(401, Http.get(gateway + "/api/users/" + alice + "/overview").status());
    }

    @Test
    void whenNothingArrivesTheStatusSaysWhy() {
        JsonObject timeouts = assertProblem(504, overview(ADMIN, "eve", DELAY, "user=" + SLOW + ",order=" + SLOW));
        assertEquals(List.of("timeout", "timeout"), reasons(timeouts));
        assertTrue(timeouts.getString("type").endsWith("/upstream-timeout"), timeouts::toString);

        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.service.user.urls", ",",
                "gateway.service.order.urls", ","));
        JsonObject none = assertProblem(503, overview(ADMIN, "eve"));
        assertEquals(List.of("unavailable", "unavailable"), reasons(none));
        assertEquals(List.of("user", "order"), none.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("service")).toList());

        LiveConfigSource.write(LIVE_CONFIG, Map.of("gateway.service.user.urls", CLOSED + "/user",
                "gateway.service.order.urls", ","));
        JsonObject mixed = assertProblem(502, overview(ADMIN, "eve"));
        assertEquals(List.of("refused", "unavailable"), reasons(mixed));
    }

    static List<String> reasons(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("reason")).toList();
    }

    @Test
    void onlyTheDocumentedHeadersReachTheClient() {
        Set<String> documented = Set.of("content-type", "x-request-id", "x-gateway-complete", "ratelimit",
                "ratelimit-policy");
        // what HTTP needs, and what Payara puts on every response of the gateway, whatever the resource
        Set<String> server = Set.of("content-length", "date", "connection", "keep-alive", "server",
                "x-frame-options");
        for (Http.Reply reply : List.of(overview(ADMIN, "fay"), overview(ADMIN, "fay", DELAY, "inventory=" + SLOW))) {
            assertEquals(200, reply.status(), reply::toString);
            for (String header : reply.response().headers().map().keySet()) {
                String name = header.toLowerCase(java.util.Locale.ROOT);
                assertTrue(documented.contains(name) || server.contains(name),
                        () -> "undocumented header " + header + " in " + reply);
            }
            for (String leaky : LEAKY_HEADERS.keySet()) {
                assertNull(reply.header(leaky), leaky);
            }
            assertEquals(id, reply.header("X-Request-Id"));
            assertTrue(reply.header("RateLimit-Policy").startsWith("\"default\""), reply::toString);
        }
    }

    @Test
    void anOverviewCountsAsOneRequestOfTheCallersQuota() {
        String token = "Bearer " + Tokens.admin("quota-" + UUID.randomUUID());

        int first = remaining(overview(token, "gus"));
        int second = remaining(overview(token, "gus"));

        assertEquals(1, first - second, "three calls behind the gateway, one request of the quota");
    }

    static int remaining(Http.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        Matcher r = Pattern.compile(";r=(\\d+);").matcher(reply.header("RateLimit"));
        assertTrue(r.find(), reply::toString);
        return Integer.parseInt(r.group(1));
    }

    /**
     * The figures - with every backend delayed by d an overview takes less than 2.4 d (a serial fan-out takes
     * at least 3 d), with only the user delayed less than 1.2 d - applied to the time the delays add: an overview's
     * latency minus that of the same overview without delays, taken in turns so that both see the same load. On
     * this shared machine the gateway's own cost of any request (token, rate limit, configuration) varies with the
     * load from tens to hundreds of milliseconds; the composition does not change it, so it must not decide the test.
     */
    @Test
    void latencyIsTheCriticalPathNotTheSum() {
        String every = "user=" + D + ",order=" + D + ",inventory=" + D;
        String user = "user=" + D;
        for (int i = 0; i < 20; i++) {
            timed("none"); // the JIT compiles the request path: without this the first rounds are the slowest
        }
        Map<String, List<Duration>> took = new TreeMap<>();
        for (int round = 0; round < 9; round++) {
            for (String delays : List.of("none", every, user)) {
                took.computeIfAbsent(delays, d -> new ArrayList<>()).add(timed(delays));
            }
        }
        long undelayed = median(took.get("none"));
        long allSlow = median(took.get(every));
        long userSlow = median(took.get(user));

        LOG.info(() -> "overview latencies (ms), d = " + D + " ms: " + took.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream().map(Duration::toMillis).toList()).toList());
        LOG.info(() -> String.format("overview latency medians, d = %d ms: every backend delayed %d ms (%d ms over the"
                + " undelayed; limit 2.4 d = %d ms, serial >= 3 d = %d ms); only the user delayed %d ms (%d ms over;"
                + " limit 1.2 d = %d ms); undelayed %d ms", D, allSlow, allSlow - undelayed, D * 24 / 10, 3 * D,
                userSlow, userSlow - undelayed, D * 12 / 10, undelayed));
        assertTrue(allSlow >= 2L * D, "orders, then stock: at least 2 d");
        assertTrue(allSlow - undelayed < D * 24L / 10, () -> "every backend delayed by d: " + took);
        assertTrue(userSlow - undelayed < D * 12L / 10, () -> "only the user delayed by d: " + took);
    }

    /** One overview with the given delays, which must be complete. */
    Duration timed(String delays) {
        long start = System.nanoTime();
        Http.Reply reply = overview(ADMIN, "timed", DELAY, delays);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("true", reply.header(COMPLETE), reply::toString);
        return took;
    }

    static long median(List<Duration> durations) {
        return durations.stream().sorted().toList().get(durations.size() / 2).toMillis();
    }

    static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the gateway composed no complete overview within " + timeout);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
