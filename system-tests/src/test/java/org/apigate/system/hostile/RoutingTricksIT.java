package org.apigate.system.hostile;

import org.apigate.testing.Http;
import org.apigate.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Item 2 of issue 7: the tricks of {@link RoutingTricks}, each written byte for byte on a socket to the gateway,
 * never reach a route they should not - no 2xx for a customer in the admin area or on another user, no service for
 * an unrouted path (proven from the services' access logs) - and nothing is answered with a 5xx. Where a trick
 * sends several requests on one connection (smuggling), every answer on it counts.
 */
@ExtendWith(SharedSystem.class)
class RoutingTricksIT {

    private static HostileSystem system;
    private static String owner;
    private static String victim;

    @BeforeAll
    static void boot(HostileSystem shared) {
        system = shared;
        owner = createUser(shared);
        victim = createUser(shared);
    }

    static List<RoutingCase> tricks() {
        return RoutingTricks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tricks")
    void reachesNoRouteItShouldNotAndNever5xx(RoutingCase trick) {
        String marker = "trick-" + UUID.randomUUID();
        String request = trick.request().apply(new RoutingCase.Probe(Tokens.customer(owner),
                Tokens.admin("admin-" + UUID.randomUUID()), owner, victim, marker));

        List<Integer> statuses = RawHttp.sendAll(system.gateway.port(), request, 10_000);
        Set<String> reached = system.servicesThatSaw(marker);

        String shown = RawHttp.abbreviate(request) + "\n-> " + statuses + ", reached " + reached;
        assertTrue(!statuses.isEmpty(), "no answer at all: " + shown);
        assertTrue(statuses.stream().allMatch(s -> s < 500), "a 5xx: " + shown);
        switch (trick.may()) {
            case NOTHING -> {
                assertTrue(statuses.stream().allMatch(s -> s >= 400), "not refused: " + shown);
                assertEquals(Set.of(), reached, shown);
            }
            case INVENTORY_ONLY -> assertTrue(reached.stream().allMatch(s -> s.startsWith("inventory")), shown);
            case ANY_BUT_5XX -> {
                // a harmless request after normalisation: only "no 5xx" applies
            }
        }
    }

    /** The control: the user's own path is allowed, and what is allowed shows up in the user service's log. */
    @Test
    void aCustomerReadsItsOwnUserAndTheServiceLogsIt() {
        String marker = "own-" + UUID.randomUUID();
        RawHttp.Reply reply = RawHttp.send(system.gateway.port(), RawHttp.get("/api/users/" + owner + "?probe="
                + marker, "Authorization: Bearer " + Tokens.customer(owner)));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, system.servicesThatSaw(marker).size());
    }

    private static String createUser(HostileSystem system) {
        String name = "h" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply created = FuzzFixture.ADMIN.post(system.user.url() + "/user/api/users", "{\"username\":\"" + name
                + "\",\"email\":\"" + name + "@example.org\",\"displayName\":\"" + name + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }
}
