package org.apigate.gateway.access.control;

import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.exchange.Caller;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.TestRequest;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.routing.control.ProxySettings;
import org.apigate.gateway.target.TargetParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.apigate.gateway.access.control.TestTokens.caller;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorize stage: a token for a non-public route (401), one of its roles (403), then - for all but admins -
 * the owner rules, asking the order service or reading the body when a rule needs it.
 */
class AuthorizeTest {

    static final Route USERS = AccessRulesTest.USERS;
    static final Route ORDERS = AccessRulesTest.ORDERS;
    static final Route STAFF_ONLY = new Route("staff", Route.Kind.PROXY, List.of("api", "staff"), "staff",
            List.of("api", "staff"), Set.of(), Route.Auth.BEARER, Set.of("staff"), "default", null, null);
    static final Route PUBLIC = new Route("status", Route.Kind.PROXY, List.of("api", "status"), "status",
            List.of("api", "status"), Set.of(), Route.Auth.NONE, Set.of(), "anonymous", null, null);

    final List<String> ownerLookups = new ArrayList<>();
    final Authorize authorize = new Authorize();

    {
        authorize.settings = new ProxySettings(TestConfig.of("gateway.proxy.max-body-bytes", "1024"));
        authorize.owners = new OrderOwners() {
            @Override
            boolean isOwnOrder(Exchange exchange, String orderId) {
                ownerLookups.add(orderId);
                return orderId.equals("mine");
            }
        };
    }

    static Exchange exchange(TestRequest request, Route route, Caller caller) {
        Exchange exchange = request.exchange();
        exchange.target(TargetParser.parse(exchange.request().getRequestURI(), exchange.request().getQueryString()));
        exchange.route(route);
        exchange.caller(caller);
        return exchange;
    }

    static Exchange exchange(String method, String uri, Route route, Caller caller) {
        return exchange(TestRequest.get(uri).method(method), route, caller);
    }

    ProblemException refusal(Exchange exchange) {
        return assertThrows(ProblemException.class, () -> authorize.apply(exchange));
    }

    @Test
    void aPublicRouteNeedsNoToken() throws IOException {
        assertTrue(authorize.apply(exchange("POST", "/api/status/ping", PUBLIC, Caller.ANONYMOUS)));
    }

    @Test
    void aPreflightThatGetsHereNeedsATokenLikeAnyRequest() {
        // with CORS on, the CORS stage answers preflights before this stage; with CORS off, this one is not special
        Exchange preflight = exchange(TestRequest.get("/api/users/bob").method("OPTIONS")
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "PUT"),
                USERS, Caller.ANONYMOUS);

        assertEquals(401, refusal(preflight).problem().status());
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        Exchange exchange = exchange("GET", "/api/users/alice", USERS, Caller.ANONYMOUS);

        assertEquals(401, refusal(exchange).problem().status());
        assertEquals("Bearer", exchange.gatewayHeaders().get("WWW-Authenticate"));
    }

    @Test
    void aRefusedTokenIs401SayingWhy() {
        Exchange exchange = exchange("GET", "/api/users/alice", USERS, Caller.refused("The token expired."));

        ProblemException e = refusal(exchange);

        assertEquals(401, e.problem().status());
        assertEquals("The token expired.", e.problem().detail());
        assertEquals("Bearer error=\"invalid_token\"", exchange.gatewayHeaders().get("WWW-Authenticate"));
    }

    @Test
    void aTokenWithoutOneOfTheRoutesRolesIs403() {
        assertEquals(403, refusal(exchange("GET", "/api/staff/x", STAFF_ONLY, caller("alice", "customer")))
                .problem().status());
        assertEquals(403, refusal(exchange("GET", "/api/staff/x", STAFF_ONLY, caller("root", "admin")))
                .problem().status(), "admin is a role like any other here");
    }

    @Test
    void anAdminIsDecidedBeforeTheOwnerRules() throws IOException {
        Caller root = caller("root", "admin");

        assertTrue(authorize.apply(exchange("DELETE", "/api/users/bob", USERS, root)));
        assertTrue(authorize.apply(exchange("GET", "/api/users", USERS, root)));
        assertTrue(authorize.apply(exchange("POST", "/api/orders/o-1/cancel", ORDERS, root)));
        Exchange order = exchange(TestRequest.get("/api/orders").method("POST")
                .body("not json".getBytes(StandardCharsets.UTF_8)), ORDERS, root);
        assertTrue(authorize.apply(order));
        assertEquals(null, order.bufferedBody(), "no rule read the body");
        assertEquals(List.of(), ownerLookups, "no owner was looked up");
    }

    @Test
    void aCustomerIsJudgedByTheOwnerRules() throws IOException {
        Caller alice = caller("alice", "customer");

        assertTrue(authorize.apply(exchange("GET", "/api/users/alice", USERS, alice)));
        assertEquals(403, refusal(exchange("GET", "/api/users/bob", USERS, alice)).problem().status());
    }

    @Test
    void anOrderIsAskedForItsOwner() throws IOException {
        Caller alice = caller("alice", "customer");

        assertTrue(authorize.apply(exchange("GET", "/api/orders/mine", ORDERS, alice)));
        assertEquals(403, refusal(exchange("POST", "/api/orders/theirs/cancel", ORDERS, alice)).problem().status());
        assertEquals(List.of("mine", "theirs"), ownerLookups);
    }

    @Test
    void aNewOrderIsJudgedByItsBodyWhichIsKeptForForwarding() throws IOException {
        Caller alice = caller("alice", "customer");
        byte[] own = "{\"userId\":\"alice\"}".getBytes(StandardCharsets.UTF_8);
        Exchange exchange = exchange(TestRequest.get("/api/orders").method("POST").body(own), ORDERS, alice);

        assertTrue(authorize.apply(exchange));
        assertArrayEquals(own, exchange.bufferedBody());

        byte[] theirs = "{\"userId\":\"bob\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(403, refusal(exchange(TestRequest.get("/api/orders").method("POST").body(theirs), ORDERS, alice))
                .problem().status());
    }

    @Test
    void aNewOrderOverTheBodyLimitIs413() {
        byte[] large = ("{\"userId\":\"alice\",\"note\":\"" + "x".repeat(2000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(413, refusal(exchange(TestRequest.get("/api/orders").method("POST").body(large), ORDERS,
                caller("alice", "customer"))).problem().status());
    }
}
