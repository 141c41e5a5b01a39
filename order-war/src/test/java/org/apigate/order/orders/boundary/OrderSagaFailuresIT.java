package org.apigate.order.orders.boundary;

import jakarta.json.JsonObject;
import org.apigate.order.orders.boundary.ScriptedInventory.Reserve;
import org.apigate.testing.AuthSettings;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.PayaraMicro;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order saga when inventory fails: the packaged order WAR (Arquillian) beside the real user service (its WAR on
 * its own Payara Micro) and a {@link ScriptedInventory} that fails on command. Shows that no failure leaves an order
 * half-done or stock held for a failed order, that a release which cannot be done at once is retried by the timer
 * until inventory takes it, that an order left PENDING by a crash is failed and released once the service is back,
 * and how Idempotency-Keys behave around failures. The circuit breakers are switched off here, because the
 * failures injected by one test must not open the circuit for the next.
 */
@ExtendWith(ArquillianExtension.class)
class OrderSagaFailuresIT {

    static final ScriptedInventory INVENTORY = new ScriptedInventory();
    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The saga's calls here are an admin's; who may place which order is {@link OrdersAccessIT}. */
    static final Http.Authorized ADMIN = UserService.ADMIN;
    static UserService userService;

    /** Starts the backends before Arquillian deploys the order WAR, which needs their URLs. */
    @Deployment(testable = false)
    static WebArchive packagedWar() {
        userService = UserService.start();
        INVENTORY.up();
        Map<String, String> config = new HashMap<>(AuthSettings.merged(AuthSettings.users(),
                AuthSettings.serviceCredential()));
        config.putAll(Map.of(
                "order.user.url", userService.url(),
                "order.inventory.url", INVENTORY.url(),
                "order.compensation.interval-ms", "500",
                "org.apigate.order.inventory.control.InventoryCalls/reserve/CircuitBreaker/enabled", "false",
                "org.apigate.order.inventory.control.InventoryCalls/release/CircuitBreaker/enabled", "false"));
        return PackagedWar.withConfig("order", config);
    }

    @AfterAll
    static void stopBackends() {
        INVENTORY.close();
        if (userService != null) {
            userService.close();
        }
    }

    @ArquillianResource
    URL base;

    String orders;

    @BeforeEach
    void locate() {
        orders = Loopback.deployment(base, "/order") + "/api/orders";
        INVENTORY.up();
    }

    /** Every call that reached inventory carried the order service's credential, meant for inventory. */
    @AfterEach
    void inventorySawOnlyTheServiceCredential() {
        assertEquals(List.of(), INVENTORY.refusedCalls());
    }

    static String newUser() {
        return userService.newUser();
    }

    static String order(String userId, String sku, int quantity) {
        return "{\"userId\":\"" + userId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }

    JsonObject get(String orderId) {
        return get(orders, orderId);
    }

    static JsonObject get(String orders, String orderId) {
        Http.Reply reply = ADMIN.get(orders + "/" + orderId);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    String confirmedOrder(String userId) {
        INVENTORY.reserveAnswers(Reserve.CREATED);
        Http.Reply placed = ADMIN.post(orders, order(userId, "SKU-1", 2));
        assertEquals(201, placed.status(), placed::toString);
        return placed.json().getString("id");
    }

    /** Polls the order until it satisfies the condition, or fails with its last state. */
    JsonObject awaitOrder(String orderId, Predicate<JsonObject> condition) {
        return awaitOrder(orders, orderId, condition);
    }

    static JsonObject awaitOrder(String orders, String orderId, Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonObject order = get(orders, orderId);
        while (!condition.test(order) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            order = get(orders, orderId);
        }
        assertTrue(condition.test(order), order::toString);
        return order;
    }

    @Test
    void placesAnOrderWhenInventoryReserves() {
        String userId = newUser();
        INVENTORY.reserveAnswers(Reserve.CREATED);

        Http.Reply placed = ADMIN.post(orders, order(userId, "SKU-1", 3));

        assertEquals(201, placed.status(), placed::toString);
        JsonObject body = placed.json();
        String id = body.getString("id");
        assertEquals("CONFIRMED", body.getString("status"));
        assertEquals(userId, body.getString("userId"));
        assertEquals("[{\"sku\":\"SKU-1\",\"quantity\":3}]", body.getJsonArray("lines").toString());
        assertTrue(body.getString("createdAt").matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z"), body::toString);
        assertTrue(placed.header("Location").endsWith("/api/orders/" + id), placed::toString);
        assertEquals(List.of("POST CREATED"), INVENTORY.callsFor(id), "the reservation id is the order id");
        assertEquals(body, get(id));
        Http.Reply mine = ADMIN.get(orders + "?userId=" + userId);
        assertEquals(List.of(id), mine.jsonArray().getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("id")).toList());
    }

    @Test
    void inventoryDownFailsTheOrderWith503AndReleasesOnceInventoryIsBack() {
        String userId = newUser();
        INVENTORY.down();

        JsonObject problem = assertProblem(503, ADMIN.post(orders, order(userId, "SKU-1", 1)));

        assertEquals("https://apigate.org/problems/inventory-unavailable", problem.getString("type"));
        String id = problem.getString("orderId");
        JsonObject failed = get(id);
        assertEquals("FAILED", failed.getString("status"));
        assertEquals("inventory refused the connection", failed.getString("reason"));
        // a refused connection does not prove that an earlier, silently resent attempt reserved nothing
        assertEquals(true, failed.getBoolean("compensationPending"), failed::toString);
        assertEquals("FAILED", ADMIN.get(orders + "?userId=" + userId).jsonArray().getJsonObject(0)
                .getString("status"), "failed orders are kept and listed");

        INVENTORY.up();
        INVENTORY.releaseAnswers(204);
        JsonObject released = awaitOrder(id, o -> !o.getBoolean("compensationPending"));
        assertEquals("FAILED", released.getString("status"));
        assertEquals("DELETE 204", INVENTORY.callsFor(id).get(INVENTORY.callsFor(id).size() - 1));
    }

    @Test
    void aReservationAnsweredTooLateFailsTheOrderAndIsReleased() {
        String userId = newUser();
        INVENTORY.reserveAnswers(Reserve.TOO_LATE);
        INVENTORY.releaseAnswers(204);

        Instant start = Instant.now();
        JsonObject problem = assertProblem(503, ADMIN.post(orders, order(userId, "SKU-1", 1)));
        Duration took = Duration.between(start, Instant.now());

        assertTrue(took.getSeconds() < ScriptedInventory.LATE_SECONDS - 10, "did not wait for the answer: " + took);
        String id = problem.getString("orderId");
        assertEquals("inventory did not answer in time", get(id).getString("reason"));
        JsonObject released = awaitOrder(id, o -> !o.getBoolean("compensationPending"));
        assertEquals("FAILED", released.getString("status"));
        List<String> calls = INVENTORY.callsFor(id);
        assertEquals("POST TOO_LATE", calls.get(0));
        assertEquals("DELETE 204", calls.get(calls.size() - 1), calls::toString);
    }

    @Test
    void aReleaseThatInventoryRefusesIsRetriedUntilItIsDone() {
        String userId = newUser();
        INVENTORY.reserveAnswers(Reserve.SERVER_ERROR);
        INVENTORY.releaseAnswers(503);

        JsonObject problem = assertProblem(503, ADMIN.post(orders, order(userId, "SKU-1", 1)));

        String id = problem.getString("orderId");
        assertTrue(problem.getString("detail").contains("released automatically"), problem::toString);
        JsonObject pending = get(id);
        assertEquals("FAILED", pending.getString("status"));
        assertEquals(true, pending.getBoolean("compensationPending"), pending::toString);
        assertTrue(INVENTORY.callsFor(id).contains("DELETE 503"), INVENTORY.callsFor(id)::toString);

        INVENTORY.releaseAnswers(204);

        JsonObject released = awaitOrder(id, o -> !o.getBoolean("compensationPending"));
        assertEquals("FAILED", released.getString("status"));
        List<String> calls = INVENTORY.callsFor(id);
        assertEquals("POST SERVER_ERROR", calls.get(0));
        assertTrue(calls.contains("DELETE 204"), calls::toString);
    }

    /** The packaged order WAR on a process of its own (which a test can kill), beside the same backends. */
    static PayaraMicro.Builder orderProcess(String name, String database) {
        return PayaraMicro.named(name)
                .deploy(Path.of("target", "order.war"), "/order")
                .property("order.datasource.url", database)
                .properties(AuthSettings.merged(AuthSettings.users(), AuthSettings.serviceCredential()))
                .property("order.user.url", userService.url())
                .property("order.inventory.url", INVENTORY.url())
                .property("order.compensation.interval-ms", "500")
                .readyWhen("/order/api/orders?limit=1", 401);
    }

    static String awaitPendingOrder(String orders, String userId) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<JsonObject> mine = ADMIN.get(orders + "?userId=" + userId).jsonArray().getValuesAs(JsonObject.class);
            if (!mine.isEmpty()) {
                assertEquals("PENDING", mine.get(0).getString("status"), mine::toString);
                return mine.get(0).getString("id");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("no order of " + userId + " was written");
    }

    /** Waits until inventory got the reservation: from then on it may hold stock for the order. */
    static void awaitReservationRequest(String orderId) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (INVENTORY.callsFor(orderId).isEmpty() && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        assertEquals(List.of("POST TOO_LATE"), INVENTORY.callsFor(orderId));
    }

    @Test
    void anOrderLeftPendingByACrashIsFailedAndReleasedWhenTheServiceIsBack() {
        String userId = newUser();
        INVENTORY.reserveAnswers(Reserve.TOO_LATE);
        INVENTORY.releaseAnswers(204);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String database = "jdbc:h2:file:" + Path.of("target", "it-data", "order-crash-" + run).toAbsolutePath()
                + ";WRITE_DELAY=0";

        String id;
        try (PayaraMicro doomed = orderProcess("order-doomed-" + run, database)
                .property("inventory/mp-rest/readTimeout", "120000")
                .property("org.apigate.order.inventory.control.InventoryCalls/reserve/Timeout/value", "120000")
                .build().start()) {
            String orders = doomed.url() + "/order/api/orders";
            CompletableFuture<Http.Reply> lostToTheCrash =
                    CompletableFuture.supplyAsync(() -> ADMIN.post(orders, order(userId, "SKU-1", 1)));
            id = awaitPendingOrder(orders, userId);
            awaitReservationRequest(id);
            doomed.kill();
            assertTrue(lostToTheCrash.handle((reply, failure) -> failure != null).join(), "the client saw the crash");
        }

        try (PayaraMicro restarted = orderProcess("order-restarted-" + run, database)
                .property("order.compensation.stale-after-ms", "1000")
                .build().start()) {
            JsonObject recovered = awaitOrder(restarted.url() + "/order/api/orders", id, o -> !"PENDING".equals(o.getString("status"))
                    && !o.getBoolean("compensationPending", true));

            assertEquals("FAILED", recovered.getString("status"));
            assertTrue(recovered.getString("reason").contains("interrupted"), recovered::toString);
            assertEquals(List.of("POST TOO_LATE", "DELETE 204"), INVENTORY.callsFor(id));
        }
    }

    @Test
    void cancellingReleasesFirstAndKeepsTheOrderConfirmedWhileInventoryIsDown() {
        String id = confirmedOrder(newUser());
        INVENTORY.down();

        JsonObject problem = assertProblem(503, ADMIN.post(orders + "/" + id + "/cancel", ""));

        assertTrue(problem.getString("detail").contains("stays CONFIRMED"), problem::toString);
        assertEquals("CONFIRMED", get(id).getString("status"));

        INVENTORY.up();
        INVENTORY.releaseAnswers(204);
        Http.Reply cancelled = ADMIN.post(orders + "/" + id + "/cancel", "");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertEquals(List.of("POST CREATED", "DELETE 204"), INVENTORY.callsFor(id));

        Http.Reply again = ADMIN.post(orders + "/" + id + "/cancel", "");
        assertEquals(200, again.status(), again::toString);
        assertEquals(cancelled.json(), again.json());
        assertEquals("CANCELLED", get(id).getString("status"));
    }

    @Test
    void onlyConfirmedOrdersCanBeCancelled() {
        String userId = newUser();
        INVENTORY.down();
        String failed = assertProblem(503, ADMIN.post(orders, order(userId, "SKU-1", 1))).getString("orderId");
        INVENTORY.up();

        JsonObject problem = assertProblem(409, ADMIN.post(orders + "/" + failed + "/cancel", ""));

        assertEquals("https://apigate.org/problems/not-cancellable", problem.getString("type"));
        assertEquals("FAILED", get(failed).getString("status"));
    }

    @Test
    void unknownUserIs404AndStoresNothing() {
        String userId = "no-such-user-" + UUID.randomUUID();

        JsonObject problem = assertProblem(404, ADMIN.post(orders, order(userId, "SKU-1", 1)));

        assertEquals("https://apigate.org/problems/unknown-user", problem.getString("type"));
        assertEquals(0, ADMIN.get(orders + "?userId=" + userId).jsonArray().size());
    }

    @Test
    void aKeyWhoseAttemptFailedPlacesTheOrderAnewThenReplaysIt() {
        String userId = newUser();
        String key = "retry-" + UUID.randomUUID();
        INVENTORY.reserveAnswers(Reserve.SERVER_ERROR);
        INVENTORY.releaseAnswers(204);
        String failed = assertProblem(503, ADMIN.post(orders, order(userId, "SKU-1", 1), "Idempotency-Key", key))
                .getString("orderId");

        INVENTORY.reserveAnswers(Reserve.CREATED);
        Http.Reply placed = ADMIN.post(orders, order(userId, "SKU-1", 1), "Idempotency-Key", key);
        Http.Reply replayed = ADMIN.post(orders, order(userId, "SKU-1", 1), "Idempotency-Key", key);

        assertEquals(201, placed.status(), placed::toString);
        String id = placed.json().getString("id");
        assertNotEquals(failed, id, "inventory refuses a released id for good, so the new attempt is a new order");
        assertEquals(201, replayed.status(), replayed::toString);
        assertEquals(placed.json(), replayed.json());
        assertEquals(placed.header("Location"), replayed.header("Location"));
        assertEquals(List.of("POST CREATED"), INVENTORY.callsFor(id), "the replay reserved nothing");
        assertEquals("FAILED", get(failed).getString("status"), "the failed attempt is kept for audit");
        assertEquals("2", ADMIN.get(orders + "?userId=" + userId).header("X-Total-Count"));
    }

    @Test
    void aKeyUsedForADifferentRequestIs422() {
        String userId = newUser();
        String key = "reuse-" + UUID.randomUUID();
        INVENTORY.reserveAnswers(Reserve.CREATED);
        assertEquals(201, ADMIN.post(orders, order(userId, "SKU-1", 1), "Idempotency-Key", key).status());

        for (String other : new String[] {order(userId, "SKU-1", 2), order(userId, "SKU-2", 1),
                order(newUser(), "SKU-1", 1)}) {
            JsonObject problem = assertProblem(422, ADMIN.post(orders, other, "Idempotency-Key", key));
            assertEquals("https://apigate.org/problems/idempotency-key-reused", problem.getString("type"));
        }
        assertEquals("1", ADMIN.get(orders + "?userId=" + userId).header("X-Total-Count"));
    }

    @Test
    void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
        String userId = newUser();
        String key = "race-" + UUID.randomUUID();
        INVENTORY.reserveAnswers(Reserve.CREATED);
        String body = order(userId, "SKU-1", 1);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            Callable<Http.Reply> post = () -> ADMIN.post(orders, body, "Idempotency-Key", key);
            List<Future<Http.Reply>> replies = clients.invokeAll(IntStream.range(0, 8).mapToObj(i -> post).toList(),
                    60, TimeUnit.SECONDS);

            Set<String> placed = new HashSet<>();
            for (Future<Http.Reply> future : replies) {
                Http.Reply reply = future.get();
                if (reply.status() == 201) {
                    placed.add(reply.json().getString("id"));
                } else {
                    assertEquals("https://apigate.org/problems/idempotency-key-in-use",
                            assertProblem(409, reply).getString("type"));
                }
            }
            assertEquals(1, placed.size(), placed::toString);
            List<JsonObject> mine = ADMIN.get(orders + "?userId=" + userId).jsonArray().getValuesAs(JsonObject.class);
            assertEquals(placed, mine.stream().map(o -> o.getString("id")).collect(Collectors.toSet()));
        } finally {
            clients.shutdownNow();
        }
    }
}
