package org.apigate.system;

import jakarta.json.JsonObject;
import org.apigate.testing.Http;
import org.apigate.testing.Listeners;
import org.apigate.testing.PayaraMicro;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole system as a client sees it: the gateway in front of the real user, order and inventory services, each
 * on its own Payara Micro process. Walks the README's path: an admin creates a user and stock, the customer places
 * an order and reads it back, another customer may not, and the customer runs into the rate limit.
 */
class GatewaySystemIT {

    private static final Logger LOG = Logger.getLogger(GatewaySystemIT.class.getName());
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int QUOTA = 25;

    static PayaraMicro user;
    static PayaraMicro inventory;
    static PayaraMicro order;
    static PayaraMicro gateway;

    @BeforeAll
    static void startSystem() {
        user = Wars.service(PayaraMicro.named("gw-user"), "user")
                .property("user.datasource.url", Wars.h2(RUN, "user")).build();
        inventory = Wars.service(PayaraMicro.named("gw-inventory"), "inventory")
                .property("inventory.datasource.url", Wars.h2(RUN, "inventory")).build();
        order = Wars.service(PayaraMicro.named("gw-order"), "order")
                .property("order.datasource.url", Wars.h2(RUN, "order"))
                .property("order.user.url", user.url() + "/user")
                .property("order.inventory.url", inventory.url() + "/inventory").build();
        gateway = Wars.gateway(PayaraMicro.named("gw-gateway"), TestKeys.rsaPublicKeyPem(Path.of("target", "keys")),
                        Map.of("user", user.url() + "/user", "order", order.url() + "/order",
                                "inventory", inventory.url() + "/inventory"))
                .property("gateway.ratelimit.limit", String.valueOf(QUOTA)).build();
        PayaraMicro.inParallel(List.of(user, inventory, order, gateway), PayaraMicro::start);
        LOG.info(() -> String.format("gateway ready in %d ms, RSS %d MiB", gateway.timeToReady().toMillis(),
                gateway.rssMiB()));
    }

    @AfterAll
    static void stopSystem() {
        for (PayaraMicro instance : new PayaraMicro[] {gateway, order, inventory, user}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    static String api(String path) {
        return gateway.url() + "/api" + path;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** An admin of its own, so one test's calls never use up another's quota. */
    static String admin() {
        return bearer(Tokens.admin("admin-" + UUID.randomUUID()));
    }

    static String createUser(String admin) {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply created = Http.post(api("/users"), "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.org\",\"displayName\":\"" + name + "\"}", "Authorization", admin);
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    static String createItem(String admin, int available) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply put = Http.put(api("/inventory/items/" + sku), "{\"name\":\"Widget\",\"available\":" + available
                + "}", "Authorization", admin);
        assertEquals(201, put.status(), put::toString);
        return sku;
    }

    static String orderBody(String userId, String sku, int quantity) {
        return "{\"userId\":\"" + userId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }

    @Test
    void aCustomerPlacesAndReadsItsOwnOrderThroughTheGateway() {
        String admin = admin();
        String userId = createUser(admin);
        String sku = createItem(admin, 5);
        String customer = bearer(Tokens.customer(userId));

        Http.Reply placed = Http.post(api("/orders"), orderBody(userId, sku, 2), "Authorization", customer,
                "Idempotency-Key", "k-" + UUID.randomUUID());

        assertEquals(201, placed.status(), placed::toString);
        assertEquals("CONFIRMED", placed.json().getString("status"));
        assertNotNull(placed.header("RateLimit-Policy"), placed::toString);
        assertNotNull(placed.header("RateLimit"), placed::toString);
        String orderId = placed.json().getString("id");
        assertEquals(gateway.url() + "/api/orders/" + orderId, placed.header("Location"),
                "the Location is the gateway's public URL, never the service's internal one");
        Http.Reply read = Http.get(api("/orders/" + orderId), "Authorization", customer);
        assertEquals(200, read.status(), read::toString);
        assertEquals(userId, read.json().getString("userId"));
        assertEquals(3, Http.get(api("/inventory/items/" + sku), "Authorization", customer).json()
                .getInt("available"));
        Http.Reply mine = Http.get(api("/orders?userId=" + userId), "Authorization", customer);
        assertTrue(mine.body().contains(orderId), mine::toString);
    }

    @Test
    void aCustomerCannotReadOrCancelAnotherCustomersOrder() {
        String admin = admin();
        String owner = createUser(admin);
        String other = createUser(admin);
        String sku = createItem(admin, 5);
        String orderId = Http.post(api("/orders"), orderBody(owner, sku, 1), "Authorization",
                bearer(Tokens.customer(owner))).json().getString("id");
        String intruder = bearer(Tokens.customer(other));

        assertProblem(403, Http.get(api("/orders/" + orderId), "Authorization", intruder));
        assertProblem(403, Http.post(api("/orders/" + orderId + "/cancel"), "", "Authorization", intruder));
        assertProblem(403, Http.get(api("/users/" + owner), "Authorization", intruder));
        assertProblem(403, Http.post(api("/orders"), orderBody(owner, sku, 1), "Authorization", intruder));
        assertEquals("CONFIRMED", Http.get(api("/orders/" + orderId), "Authorization", admin).json()
                .getString("status"), "a foreign cancel must not reach the order service");
    }

    /**
     * Every socket of every instance - the HTTP listener and the data grid that Payara runs also under --nocluster
     * (JCache) - is on loopback: as the run script and server-config start them, nothing is reachable from outside.
     */
    @Test
    void everyInstanceListensOnLoopbackOnly() {
        for (PayaraMicro instance : List.of(user, inventory, order, gateway)) {
            Listeners.assertLoopbackOnly(instance);
        }
    }

    @Test
    void healthAndMetricsAreOnlyOnTheGatewaysManagementPort() {
        for (String path : List.of("/health", "/health/ready", "/health/live", "/metrics", "/metrics?scope=application",
                "//health", "/%68ealth", "/HEALTH", "/health;x=1", "/./metrics")) {
            Http.Reply reply = Http.get(gateway.url() + path);
            assertTrue(reply.status() == 404 || reply.status() == 400, () -> path + " on the public port: " + reply);
            assertFalse(reply.body().contains("gateway_"), path + " shows no metric");
        }
        assertEquals(200, Http.get(gateway.managementUrl() + "/health/live").status());
        Http.Reply metrics = Http.get(gateway.managementUrl() + "/metrics?scope=application");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("gateway_"), "the gateway's metrics: " + metrics.body());
    }

    @Test
    void requestsWithoutAValidTokenNeverReachAService() {
        Http.Reply missing = Http.get(api("/users"));
        assertProblem(401, missing);
        assertTrue(missing.header("WWW-Authenticate").startsWith("Bearer"), missing::toString);

        Http.Reply forged = Http.get(api("/users"), "Authorization",
                bearer(Tokens.forSubject("x").groups("admin").signedByAttacker().sign()));
        assertProblem(401, forged);
        assertTrue(forged.header("WWW-Authenticate").contains("invalid_token"), forged::toString);
    }

    /**
     * Defence in depth: the services check the very token the gateway forwards, so a customer going round the gateway,
     * straight to a service, gets no more than through it - and without a token nothing at all.
     */
    @Test
    void aCustomerGoingRoundTheGatewayGetsNoMoreThanThroughIt() {
        String admin = admin();
        String owner = createUser(admin);
        String intruder = createUser(admin);
        String sku = createItem(admin, 5);
        String orderId = Http.post(api("/orders"), orderBody(owner, sku, 1), "Authorization",
                bearer(Tokens.customer(owner))).json().getString("id");
        Http.Authorized customer = Http.as(Tokens.customer(intruder));

        assertProblem(403, customer.get(user.url() + "/user/api/users/" + owner));
        assertProblem(403, customer.get(order.url() + "/order/api/orders/" + orderId));
        assertProblem(403, customer.post(order.url() + "/order/api/orders", orderBody(owner, sku, 1)));
        assertProblem(403, customer.put(inventory.url() + "/inventory/api/items/" + sku,
                "{\"name\":\"Widget\",\"available\":1000}"));
        assertProblem(403, customer.post(inventory.url() + "/inventory/api/reservations",
                "{\"id\":\"r-" + RUN + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":4}]}"));
        assertProblem(401, Http.get(user.url() + "/user/api/users/" + owner));
        assertProblem(401, Http.get(inventory.url() + "/inventory/api/items/" + sku));
        assertEquals(4, customer.get(inventory.url() + "/inventory/api/items/" + sku).json().getInt("available"),
                "reading stock is every customer's right, and nothing changed");
    }

    @Test
    void aCustomerOverItsQuotaGets429WithRetryAfter() {
        String userId = createUser(admin());
        String customer = bearer(Tokens.customer(userId));
        int admitted = 0;
        Http.Reply last = null;
        for (int i = 0; i <= QUOTA; i++) {
            last = Http.get(api("/users/" + userId), "Authorization", customer);
            if (last.status() == 200) {
                admitted++;
            }
        }

        assertEquals(QUOTA, admitted);
        assertProblem(429, last);
        assertNotNull(last.header("Retry-After"), last::toString);
        JsonObject problem = last.json();
        assertEquals(429, problem.getInt("status"));
    }

    @Test
    void serviceErrorsPassThroughAsProblems() {
        String admin = admin();
        assertProblem(404, Http.get(api("/users/no-such-user"), "Authorization", admin));
        assertProblem(400, Http.post(api("/users"), "{\"username\":", "Authorization", admin));
        assertProblem(404, Http.get(api("/nowhere"), "Authorization", admin));
    }
}
