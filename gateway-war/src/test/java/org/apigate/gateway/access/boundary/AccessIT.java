package org.apigate.gateway.access.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apigate.gateway.backend.GatewayArchive;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access rules on real Payara Micro with the packaged WAR: for each rule a customer's allowed call reaches the
 * service and the denied ones are answered 403 without reaching it. The services are one stand-in instance that
 * records what reaches it and knows a few orders: {@code <owner>-<n>} belongs to {@code <owner>}, {@code missing-<n>}
 * does not exist.
 */
@ExtendWith(ArquillianExtension.class)
class AccessIT {

    static final Pattern ORDER = Pattern.compile("/order/api/orders/([^/]+)");
    static final TestBackend SERVICES = TestBackend.start("services", AccessIT::knownOrders);

    static final String ALICE = "alice-" + UUID.randomUUID().toString().substring(0, 8);
    static final String BOB = "bob-" + UUID.randomUUID().toString().substring(0, 8);
    static final String CUSTOMER = "Bearer " + Tokens.customer(ALICE);
    static final String ADMIN = "Bearer " + Tokens.admin("access-admin");

    @Deployment(testable = false)
    static WebArchive gateway() {
        return GatewayArchive.withConfig(Map.of(
                "gateway.service.user.urls", SERVICES.url("/user"),
                "gateway.service.order.urls", SERVICES.url("/order"),
                "gateway.service.inventory.urls", SERVICES.url("/inventory")));
    }

    static Optional<Answer> knownOrders(Received request) {
        Matcher order = ORDER.matcher(request.path());
        if (!request.method().equals("GET") || !order.matches()) {
            return Optional.empty();
        }
        String id = order.group(1);
        if (id.startsWith("missing-")) {
            String requestId = request.header("X-Request-Id").orElse(null);
            return Optional.of(Answer.problem(404, "No order " + id + ".", requestId));
        }
        String owner = id.substring(0, id.lastIndexOf('-'));
        return Optional.of(Answer.json(200, Json.createObjectBuilder().add("id", id).add("userId", owner)
                .add("status", "CONFIRMED").build().toString()));
    }

    @AfterAll
    static void stopBackend() {
        SERVICES.close();
    }

    @ArquillianResource
    URL base;

    String gateway;
    final List<String> ids = new ArrayList<>();

    @BeforeEach
    void locate() {
        gateway = Loopback.deployment(base, "");
    }

    /** A call with its own request id, so that what reached the service can be told apart. */
    Http.Reply call(String token, String method, String path, String body) {
        String id = "acc-" + UUID.randomUUID();
        ids.add(id);
        List<String> headers = new ArrayList<>(List.of("X-Request-Id", id));
        if (token != null) {
            headers.addAll(List.of("Authorization", token));
        }
        if (body != null) {
            headers.addAll(List.of("Content-Type", "application/json"));
        }
        return Http.send(method, gateway + path, body, headers.toArray(String[]::new));
    }

    /** What reached the service for the last call. */
    List<Received> reached() {
        String id = ids.get(ids.size() - 1);
        return SERVICES.received().stream().filter(r -> r.hasRequestId(id)).toList();
    }

    void allowed(String token, String method, String path, String body, String servicePath) {
        Http.Reply reply = call(token, method, path, body);
        assertEquals(200, reply.status(), () -> method + " " + path + ": " + reply);
        List<Received> reached = reached();
        assertEquals(1, reached.size(), () -> method + " " + path + " reached the service " + reached.size() + "x");
        assertEquals(method, reached.get(0).method());
        assertEquals(servicePath, reached.get(0).path());
    }

    void denied(String token, String method, String path, String body) {
        assertProblem(403, call(token, method, path, body));
        assertEquals(List.of(), reached(), () -> method + " " + path + " reached the service");
    }

    static String order(String userId) {
        return "{\"userId\":\"" + userId + "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}";
    }

    @Test
    void aCustomerReadsAndReplacesOnlyItsOwnUser() {
        allowed(CUSTOMER, "GET", "/api/users/" + ALICE, null, "/user/api/users/" + ALICE);
        allowed(CUSTOMER, "PUT", "/api/users/" + ALICE, "{}", "/user/api/users/" + ALICE);
        denied(CUSTOMER, "GET", "/api/users/" + BOB, null);
        denied(CUSTOMER, "PUT", "/api/users/" + BOB, "{}");
        denied(CUSTOMER, "DELETE", "/api/users/" + ALICE, null);
        denied(CUSTOMER, "GET", "/api/users", null);
        denied(CUSTOMER, "POST", "/api/users", "{}");
        JsonObject traversal = assertProblem(400, call(CUSTOMER, "GET", "/api/users/" + ALICE + "%2F..%2F" + BOB, null));
        assertTrue(traversal.getString("type").endsWith("/bad-target"), traversal::toString);
        assertEquals(List.of(), reached(), "an encoded slash cannot be judged as what a service would read: refused");
    }

    @Test
    void aCustomerReachesOnlyItsOwnOverview() {
        assertNotEquals(403, call(CUSTOMER, "GET", "/api/users/" + ALICE + "/overview", null).status());
        denied(CUSTOMER, "GET", "/api/users/" + BOB + "/overview", null);
    }

    @Test
    void aCustomerListsOnlyItsOwnOrders() {
        allowed(CUSTOMER, "GET", "/api/orders?userId=" + ALICE, null, "/order/api/orders");
        assertEquals("userId=" + ALICE, reached().get(0).query());
        denied(CUSTOMER, "GET", "/api/orders?userId=" + BOB, null);
        denied(CUSTOMER, "GET", "/api/orders?userId=" + ALICE + "&userId=" + BOB, null);
        denied(CUSTOMER, "GET", "/api/orders", null);
    }

    @Test
    void aCustomerPlacesOrdersOnlyForItself() {
        allowed(CUSTOMER, "POST", "/api/orders", order(ALICE), "/order/api/orders");
        assertEquals(order(ALICE), reached().get(0).body());
        denied(CUSTOMER, "POST", "/api/orders", order(BOB));

        String duplicateKeys = "{\"userId\":\"" + ALICE + "\",\"userId\":\"" + BOB + "\"}";
        for (String unverifiable : List.of("{\"userId\":", duplicateKeys)) {
            JsonObject malformed = assertProblem(400, call(CUSTOMER, "POST", "/api/orders", unverifiable));
            assertTrue(malformed.getString("type").endsWith("/malformed-json"), malformed::toString);
            assertEquals(List.of(), reached());
        }
    }

    @Test
    void aCustomerReadsOnlyItsOwnOrders() {
        Http.Reply own = call(CUSTOMER, "GET", "/api/orders/" + ALICE + "-1", null);
        assertEquals(200, own.status(), own::toString);
        assertEquals(ALICE, own.json().getString("userId"));
        assertEquals(List.of("GET /order/api/orders/" + ALICE + "-1", "GET /order/api/orders/" + ALICE + "-1"),
                reached().stream().map(r -> r.method() + " " + r.path()).toList(),
                "the owner lookup, then the read itself: access decides, the proxy forwards");

        assertProblem(403, call(CUSTOMER, "GET", "/api/orders/" + BOB + "-1", null));
        assertEquals(1, reached().size(), "only the lookup");
        JsonObject missing = assertProblem(404, call(CUSTOMER, "GET", "/api/orders/missing-1", null));
        assertEquals("There is no order missing-1.", missing.getString("detail"));
        assertEquals(1, reached().size(), "only the lookup");
    }

    @Test
    void aCustomerCancelsOnlyItsOwnOrdersAndAForeignCancelNeverReachesTheService() {
        Http.Reply own = call(CUSTOMER, "POST", "/api/orders/" + ALICE + "-2/cancel", null);
        assertEquals(200, own.status(), own::toString);
        List<Received> reached = reached();
        assertEquals(List.of("GET /order/api/orders/" + ALICE + "-2", "POST /order/api/orders/" + ALICE + "-2/cancel"),
                reached.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals(reached.get(1).header("Authorization"), reached.get(0).header("Authorization"),
                "the lookup carries the caller's token like the call itself");

        assertProblem(403, call(CUSTOMER, "POST", "/api/orders/" + BOB + "-2/cancel", null));
        assertEquals(List.of("GET"), reached().stream().map(Received::method).toList(), "only the lookup");

        assertProblem(404, call(CUSTOMER, "POST", "/api/orders/missing-2/cancel", null));
        assertEquals(List.of("GET"), reached().stream().map(Received::method).toList());
    }

    @Test
    void aCustomerOnlyReadsTheInventorysItems() {
        allowed(CUSTOMER, "GET", "/api/inventory/items/SKU-1", null, "/inventory/api/items/SKU-1");
        allowed(CUSTOMER, "GET", "/api/inventory/items?sku=A&sku=B", null, "/inventory/api/items");
        denied(CUSTOMER, "PUT", "/api/inventory/items/SKU-1", "{\"name\":\"x\",\"available\":1}");
        denied(CUSTOMER, "POST", "/api/inventory/reservations", "{}");
        denied(CUSTOMER, "DELETE", "/api/inventory/reservations/r-1", null);
    }

    @Test
    void anAdminMayDoEverything() {
        allowed(ADMIN, "GET", "/api/users", null, "/user/api/users");
        allowed(ADMIN, "DELETE", "/api/users/" + BOB, null, "/user/api/users/" + BOB);
        allowed(ADMIN, "POST", "/api/orders", order(BOB), "/order/api/orders");
        allowed(ADMIN, "POST", "/api/orders/" + BOB + "-3/cancel", null, "/order/api/orders/" + BOB + "-3/cancel");
        allowed(ADMIN, "PUT", "/api/inventory/items/SKU-1", "{}", "/inventory/api/items/SKU-1");
    }

    @Test
    void onlyAnAdminReachesTheAdminArea() {
        assertEquals(200, call(ADMIN, "GET", "/admin/routes", null).status());
        assertProblem(403, call(CUSTOMER, "GET", "/admin/routes", null));
        assertProblem(401, call(null, "GET", "/admin/routes", null));

        assertProblem(404, call(ADMIN, "GET", "/admin/nothing", null));
        assertProblem(403, call(CUSTOMER, "GET", "/admin/nothing", null));
        assertProblem(401, call(null, "GET", "/admin/nothing", null));
        assertProblem(403, call(CUSTOMER, "DELETE", "/admin/routes/x", null));
    }

    @Test
    void aTokenWithoutACustomerOrAdminRoleIsRefused() {
        String guest = "Bearer " + Tokens.forSubject(ALICE).groups("guest").sign();
        denied(guest, "GET", "/api/users/" + ALICE, null);
        assertProblem(401, call(null, "GET", "/api/users/" + ALICE, null));
        assertEquals(List.of(), reached());
    }
}
