package org.apigate.order.orders.boundary;

import jakarta.json.JsonObject;
import org.apigate.testing.AuthSettings;
import org.apigate.testing.ForgedTokens;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.apigate.testing.Problems.assertInvalidToken;
import static org.apigate.testing.Problems.assertMissingToken;
import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Who may do what at the order service itself, called directly as any local process could, not through the gateway:
 * each rule with the request that tries to get around it. A customer ({@code sub} = its user id) places, reads,
 * lists and cancels only its own orders; an admin everything; someone else's order is 403, an unknown one 404 - as
 * the gateway answers. An Idempotency-Key is its caller's own. Beside the real user service and a
 * {@link ScriptedInventory}, which both insist on the order service's credential.
 */
@ExtendWith(ArquillianExtension.class)
class OrdersAccessIT {

    static final ScriptedInventory INVENTORY = new ScriptedInventory();
    static final Http.Authorized ADMIN = UserService.ADMIN;
    static UserService userService;

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        userService = UserService.start();
        INVENTORY.up();
        Map<String, String> config = new HashMap<>(AuthSettings.merged(AuthSettings.users(),
                AuthSettings.serviceCredential()));
        config.put("order.user.url", userService.url());
        config.put("order.inventory.url", INVENTORY.url());
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
    }

    @AfterEach
    void inventorySawOnlyTheServiceCredential() {
        assertEquals(List.of(), INVENTORY.refusedCalls());
    }

    static String order(String userId) {
        return "{\"userId\":\"" + userId + "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}";
    }

    static Http.Authorized customer(String userId) {
        return Http.as(Tokens.customer(userId));
    }

    String placed(String userId) {
        Http.Reply placed = customer(userId).post(orders, order(userId));
        assertEquals(201, placed.status(), placed::toString);
        return placed.json().getString("id");
    }

    static List<Named<String>> forgedTokens() {
        return ForgedTokens.all("forger");
    }

    @Test
    void withoutATokenEveryResourceAnswers401WithTheBearerChallenge() {
        String userId = userService.newUser();
        String id = placed(userId);

        assertMissingToken(Http.post(orders, order(userId)));
        assertMissingToken(Http.get(orders + "?userId=" + userId));
        assertMissingToken(Http.get(orders));
        assertMissingToken(Http.get(orders + "/" + id));
        assertMissingToken(Http.post(orders + "/" + id + "/cancel", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void refusesForgedTokensWith401(String forged) {
        assertInvalidToken(Http.as(forged).get(orders + "?userId=forger"));
    }

    @Test
    void refusesServiceTokensNoServiceCallsTheOrderService() {
        assertInvalidToken(Http.as(Tokens.service("order")).get(orders));
        assertInvalidToken(Http.as(Tokens.service("inventory")).get(orders));
    }

    @Test
    void aCustomerPlacesOrdersOnlyForItself() {
        String own = userService.newUser();
        String other = userService.newUser();

        Http.Reply forOther = customer(own).post(orders, order(other));

        assertProblem(403, forOther);
        assertEquals(0, ADMIN.get(orders + "?userId=" + other).jsonArray().size(), "nothing was stored");
        assertProblem(403, Http.as(Tokens.forSubject(own).sign()).post(orders, order(own))); // no role
        placed(own);
    }

    @Test
    void acceptsTheTokenShapesIdentityProvidersIssue() {
        String userId = userService.newUser();
        String accessToken = Tokens.forSubject(userId).groups("customer").withoutJti().type("at+jwt").sign();

        Http.Reply placed = Http.as(accessToken).post(orders, order(userId));

        assertEquals(201, placed.status(), placed::toString);
    }

    @Test
    void aCustomerReadsAndCancelsOnlyItsOwnOrders() {
        String owner = userService.newUser();
        String intruder = userService.newUser();
        String id = placed(owner);

        assertProblem(403, customer(intruder).get(orders + "/" + id));
        assertProblem(403, customer(intruder).post(orders + "/" + id + "/cancel", ""));
        assertProblem(404, customer(intruder).get(orders + "/" + UUID.randomUUID()));
        assertEquals("CONFIRMED", customer(owner).get(orders + "/" + id).json().getString("status"));
        assertEquals("CANCELLED", customer(owner).post(orders + "/" + id + "/cancel", "").json()
                .getString("status"));
        assertEquals("CANCELLED", ADMIN.get(orders + "/" + id).json().getString("status"));
    }

    @Test
    void aCustomerListsOnlyItsOwnOrders() {
        String owner = userService.newUser();
        String other = userService.newUser();
        String id = placed(owner);

        assertEquals(id, customer(owner).get(orders + "?userId=" + owner).jsonArray().getJsonObject(0)
                .getString("id"));
        assertProblem(403, customer(owner).get(orders + "?userId=" + other));
        assertProblem(403, customer(owner).get(orders + "?userId=" + owner + "&userId=" + other));
        assertProblem(403, customer(owner).get(orders));
        assertEquals(200, ADMIN.get(orders).status(), "an admin lists every order");
    }

    @Test
    void anIdempotencyKeyBelongsToTheCallerWhoSentIt() {
        String first = userService.newUser();
        String second = userService.newUser();
        String key = "shared-" + UUID.randomUUID();

        Http.Reply a = customer(first).post(orders, order(first), "Idempotency-Key", key);
        Http.Reply b = customer(second).post(orders, order(second), "Idempotency-Key", key);

        assertEquals(201, a.status(), a::toString);
        assertEquals(201, b.status(), "another customer's key, though the same text: " + b);
        JsonObject firstOrder = a.json();
        JsonObject secondOrder = b.json();
        assertNotEquals(firstOrder.getString("id"), secondOrder.getString("id"));
        assertEquals(firstOrder, customer(first).post(orders, order(first), "Idempotency-Key", key).json(),
                "each replays its own");
        assertEquals(secondOrder, customer(second).post(orders, order(second), "Idempotency-Key", key).json());
        assertEquals(List.of("POST CREATED"), INVENTORY.callsFor(firstOrder.getString("id")));
        assertEquals(List.of("POST CREATED"), INVENTORY.callsFor(secondOrder.getString("id")));
    }
}
