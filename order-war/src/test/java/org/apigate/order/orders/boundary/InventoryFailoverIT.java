package org.apigate.order.orders.boundary;

import jakarta.json.JsonObject;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order service with two instances of inventory ({@code order.inventory.url}, two {@link ScriptedInventory}
 * stand-ins) and two of the user service ({@code order.user.url}: one port where nothing listens, and the real
 * service): calls take the instances in turn, a refused connection goes to the next instance, and every reservation
 * and release reaches exactly one instance. The circuit breakers stay on: one instance refusing is no failure of the
 * service.
 */
@ExtendWith(ArquillianExtension.class)
class InventoryFailoverIT {

    static final ScriptedInventory FIRST = new ScriptedInventory();
    static final ScriptedInventory SECOND = new ScriptedInventory();
    static final int ORDERS = 6;
    static final Http.Authorized ADMIN = UserService.ADMIN;
    static UserService userService;

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        userService = UserService.start();
        FIRST.up();
        String noUserService = "http://127.0.0.1:" + PayaraMicro.freePort() + "/user";
        Map<String, String> config = new HashMap<>(AuthSettings.merged(AuthSettings.users(),
                AuthSettings.serviceCredential()));
        config.putAll(Map.of(
                "order.user.url", noUserService + "," + userService.url(),
                "order.inventory.url", FIRST.url() + "," + SECOND.url()));
        return PackagedWar.withConfig("order", config);
    }

    @AfterAll
    static void stopBackends() {
        FIRST.close();
        SECOND.close();
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
    void everyCallCarriedTheServiceCredential() {
        assertEquals(List.of(), FIRST.refusedCalls());
        assertEquals(List.of(), SECOND.refusedCalls());
    }

    List<String> placeOrders(String userId) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Http.Reply placed = ADMIN.post(orders, OrderSagaFailuresIT.order(userId, "SKU-1", 1));
            assertEquals(201, placed.status(), placed::toString);
            assertEquals("CONFIRMED", placed.json().getString("status"));
            ids.add(placed.json().getString("id"));
        }
        return ids;
    }

    @Test
    void ordersSucceedWhileOneInventoryInstanceRefusesConnections() {
        SECOND.down();
        String userId = userService.newUser();

        List<String> ids = placeOrders(userId);
        Http.Reply cancelled = ADMIN.post(orders + "/" + ids.get(0) + "/cancel", "");

        assertEquals(200, cancelled.status(), cancelled::toString);
        for (String id : ids) {
            assertEquals(List.of(), SECOND.callsFor(id));
        }
        assertEquals(List.of("POST CREATED", "DELETE 204"), FIRST.callsFor(ids.get(0)), "reserved and released once");
        for (String id : ids.subList(1, ORDERS)) {
            assertEquals(List.of("POST CREATED"), FIRST.callsFor(id), "reserved once: " + id);
        }
        JsonObject listed = ADMIN.get(orders + "?userId=" + userId).jsonArray().getJsonObject(0);
        assertEquals(userId, listed.getString("userId"));
    }

    @Test
    void withBothInstancesUpReservationsAreSpreadAndEachReachesOneInstance() {
        SECOND.up();
        try {
            List<String> ids = placeOrders(userService.newUser());

            int atFirst = 0;
            for (String id : ids) {
                List<String> first = FIRST.callsFor(id);
                List<String> second = SECOND.callsFor(id);
                assertEquals(List.of("POST CREATED"), first.isEmpty() ? second : first, id);
                assertTrue(first.isEmpty() || second.isEmpty(), "one instance only: " + first + " " + second);
                atFirst += first.size();
            }
            assertEquals(ORDERS / 2, atFirst, "in turn: half of the reservations at each instance");
        } finally {
            SECOND.down();
        }
    }
}
