package org.apigate.gateway.access.control;

import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.access.entity.Verdict;
import org.apigate.gateway.exchange.Caller;
import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.routes.control.MatchRoute;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.target.TargetParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.apigate.gateway.access.control.TestTokens.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each owner rule for a customer, its allowed case beside its denied ones, judged on the target as it is forwarded
 * over the default routes. (An admin never gets here: {@link AuthorizeTest}.)
 */
class AccessRulesTest {

    static final Caller ALICE = caller("alice", "customer");
    static final Route USERS = route("users", "/api/users", "user", "/api/users");
    static final Route ORDERS = route("orders", "/api/orders", "order", "/api/orders");
    static final Route INVENTORY = route("inventory", "/api/inventory", "inventory", "/api");
    static final List<Route> DEFAULT_ROUTES = List.of(USERS, ORDERS, INVENTORY);

    static Route route(String name, String path, String service, String upstreamPath) {
        return new Route(name, Route.Kind.PROXY, TargetParser.parse(path, null).segments(), service,
                upstreamPath.equals("/") ? List.of() : TargetParser.parse(upstreamPath, null).segments(), Set.of(),
                Route.Auth.BEARER, Set.of("customer", "admin"), "default", null, null);
    }

    /** As the pipeline does: parse, match (the overview first), then judge the forwarded target. */
    static Verdict decide(Caller caller, String method, String path, String query, List<Route> routes) {
        RequestTarget target = TargetParser.parse(path, query);
        Route route = isOverview(target) ? MatchRoute.OVERVIEW
                : routes.stream().filter(r -> target.startsWith(r.prefix())).findFirst().orElseThrow();
        RequestTarget forwarded = route.kind() == Route.Kind.OVERVIEW ? target
                : target.replacePrefix(route.prefix(), route.upstreamPrefix());
        return AccessRules.decide(caller, method, route, target, forwarded);
    }

    static boolean isOverview(RequestTarget target) {
        return target.size() == 4 && target.startsWith(List.of("api", "users")) && target.segment(3).equals("overview");
    }

    static Verdict alice(String method, String path) {
        return alice(method, path, null);
    }

    static Verdict alice(String method, String path, String query) {
        return decide(ALICE, method, path, query, DEFAULT_ROUTES);
    }

    static boolean aliceOrders(String json) {
        assertEquals(Verdict.IF_BODY_IS_CALLERS, alice("POST", "/api/orders"));
        return OrderBodies.namesCaller(json.getBytes(StandardCharsets.UTF_8), ALICE);
    }

    @Test
    void readsAndReplacesOnlyItsOwnUser() {
        assertEquals(Verdict.ALLOW, alice("GET", "/api/users/alice"));
        assertEquals(Verdict.ALLOW, alice("PUT", "/api/users/alice"));
        assertEquals(Verdict.DENY, alice("GET", "/api/users/bob"));
        assertEquals(Verdict.DENY, alice("PUT", "/api/users/bob"));
        assertEquals(Verdict.DENY, alice("DELETE", "/api/users/alice"));
        assertEquals(Verdict.DENY, alice("PATCH", "/api/users/alice"));
        assertEquals(Verdict.DENY, alice("HEAD", "/api/users/alice"));
    }

    @Test
    void neitherListsNorRegistersUsers() {
        assertEquals(Verdict.DENY, alice("GET", "/api/users"));
        assertEquals(Verdict.DENY, alice("GET", "/api/users/"));
        assertEquals(Verdict.DENY, alice("POST", "/api/users"));
    }

    @Test
    void comparesTheDecodedSegmentSoEncodingTricksDoNotPass() {
        assertEquals(Verdict.ALLOW, alice("GET", "/api/users/%61lice"));
        assertEquals(Verdict.DENY, alice("GET", "/api/users/alice%20"));
        assertEquals(Verdict.DENY, alice("GET", "/api/users/alice/extra"));
        assertEquals(Verdict.DENY, alice("GET", "/api/users/ALICE"));
        for (String trick : List.of("/api/users/alice%2F..%2Fbob", "/api/users/alice/../bob", "/api/users/alice;x",
                "/api/users/alice%00")) {
            assertThrows(ProblemException.class, () -> alice("GET", trick), "refused before any rule: " + trick);
        }
    }

    @Test
    void readsOnlyItsOwnOverview() {
        assertEquals(Verdict.ALLOW, alice("GET", "/api/users/alice/overview"));
        assertEquals(Verdict.DENY, alice("GET", "/api/users/bob/overview"));
        assertFalse(MatchRoute.OVERVIEW.allows("POST"), "any other method is the route's 405");
    }

    @Test
    void listsOnlyItsOwnOrders() {
        assertEquals(Verdict.ALLOW, alice("GET", "/api/orders", "userId=alice"));
        assertEquals(Verdict.ALLOW, alice("GET", "/api/orders", "limit=5&userId=alice"));
        assertEquals(Verdict.ALLOW, alice("GET", "/api/orders", "userId=alice&userId=%61lice"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userId=bob"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userId=alice&userId=bob"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", null));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userid=alice"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userId="));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userId"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userId=alice+"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userId[]=alice"), "an array is not the parameter");
        assertEquals(Verdict.DENY, alice("DELETE", "/api/orders", "userId=alice"));
    }

    @Test
    void placesOrdersOnlyForItself() {
        assertTrue(aliceOrders("{\"userId\":\"alice\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}"));
        assertFalse(aliceOrders("{\"userId\":\"bob\",\"lines\":[]}"));
        assertFalse(aliceOrders("{\"lines\":[]}"));
        assertFalse(aliceOrders("{\"userId\":null}"));
        assertFalse(aliceOrders("{\"userId\":[\"alice\"]}"));
    }

    @Test
    void anOrderThatCannotBeCheckedIsABadRequest() {
        String deeplyNested = "{\"userId\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        for (String body : new String[]{"", "{\"userId\":", "[{\"userId\":\"alice\"}]", "\"alice\"",
                "{\"userId\":\"alice\",\"userId\":\"bob\"}", deeplyNested}) {
            ProblemException e = assertThrows(ProblemException.class, () -> aliceOrders(body), abbreviated(body));
            assertEquals(400, e.problem().status(), abbreviated(body));
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "..." : body;
    }

    @Test
    void readsAndCancelsAnOrderOnlyIfItOwnsIt() {
        assertEquals(Verdict.ifOwnOrder("o-1"), alice("GET", "/api/orders/o-1"));
        assertEquals(Verdict.ifOwnOrder("o 1"), alice("POST", "/api/orders/o%201/cancel"));
        assertEquals(Verdict.DENY, alice("DELETE", "/api/orders/o-1"));
        assertEquals(Verdict.DENY, alice("PUT", "/api/orders/o-1"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders/o-1/cancel"));
        assertEquals(Verdict.DENY, alice("POST", "/api/orders/o-1/other"));
        assertEquals(Verdict.DENY, alice("POST", "/api/orders/o-1/cancel/now"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders/"));
    }

    @Test
    void readsTheInventorysItemsOnly() {
        assertEquals(Verdict.ALLOW, alice("GET", "/api/inventory/items/SKU-1"));
        assertEquals(Verdict.ALLOW, alice("GET", "/api/inventory/items", "sku=A&sku=B"));
        assertEquals(Verdict.DENY, alice("PUT", "/api/inventory/items/SKU-1"));
        assertEquals(Verdict.DENY, alice("POST", "/api/inventory/reservations"));
        assertEquals(Verdict.DENY, alice("DELETE", "/api/inventory/reservations/r-1"));
        assertEquals(Verdict.DENY, alice("GET", "/api/inventory/reservations/r-1"));
        assertEquals(Verdict.DENY, alice("GET", "/api/inventory"));
    }

    @Test
    void judgesTheForwardedTargetWhateverThePublicPath() {
        List<Route> renamed = List.of(route("people", "/people", "user", "/api/users"),
                route("stock", "/stock", "inventory", "/api/items"));

        assertEquals(Verdict.ALLOW, decide(ALICE, "GET", "/people/alice", null, renamed));
        assertEquals(Verdict.DENY, decide(ALICE, "GET", "/people/bob", null, renamed));
        assertEquals(Verdict.ALLOW, decide(ALICE, "GET", "/stock/SKU-1", null, renamed));
    }

    @Test
    void deniesEverythingElseOfTheShippedServices() {
        List<Route> odd = List.of(route("user-root", "/u", "user", "/"), route("orders-admin", "/oa", "order", "/x"));

        assertEquals(Verdict.DENY, decide(ALICE, "GET", "/u/health", null, odd), "outside the service's /api");
        assertEquals(Verdict.DENY, decide(ALICE, "GET", "/oa/api/orders", null, odd));
        assertEquals(Verdict.DENY, alice("GET", "/api/users/alice/x/y"));
        assertEquals(Verdict.DENY, decide(caller(null, "customer"), "GET", "/api/users/null", null, DEFAULT_ROUTES),
                "a token without a subject owns nothing");
    }

    @Test
    void routesToOtherServicesAreGovernedByTheirRolesAlone() {
        List<Route> reports = List.of(route("reports", "/api/reports", "report", "/api/reports"),
                route("legacy", "/legacy", "legacy", "/"));

        assertEquals(Verdict.ALLOW, decide(ALICE, "DELETE", "/api/reports/r-1", null, reports));
        assertEquals(Verdict.ALLOW, decide(ALICE, "POST", "/legacy/anything", null, reports));
    }
}
