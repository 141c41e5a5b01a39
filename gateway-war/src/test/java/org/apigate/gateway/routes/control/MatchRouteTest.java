package org.apigate.gateway.routes.control;

import org.apigate.gateway.config.CachedConfig;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.exchange.TestRequest;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.target.TargetParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which route serves a target: the built-in overview, else the first configured prefix, whole segments only. */
class MatchRouteTest {

    final TestConfig config = TestConfig.of(
            "gateway.routes", "users,orders,inventory",
            "gateway.route.users.path", "/api/users",
            "gateway.route.users.service", "user",
            "gateway.route.orders.path", "/api/orders",
            "gateway.route.orders.service", "order",
            "gateway.route.orders.methods", "GET,POST",
            "gateway.route.inventory.path", "/api/inventory",
            "gateway.route.inventory.service", "inventory",
            "gateway.route.inventory.upstream-path", "/api");
    final RouteCatalog catalog = catalog(config);
    final MatchRoute match = new MatchRoute();

    {
        match.catalog = catalog;
    }

    /** A catalog that reads the routes again at every request (no config cache), as the tests change them. */
    static RouteCatalog catalog(TestConfig config) {
        config.set(CachedConfig.CACHE_DURATION, "0");
        RouteCatalog catalog = new RouteCatalog();
        catalog.config = new CachedConfig(config, 0);
        catalog.start();
        return catalog;
    }

    Exchange exchange(TestRequest request) {
        Exchange exchange = request.exchange();
        String uri = exchange.request().getRequestURI();
        exchange.target(TargetParser.parse(uri, exchange.request().getQueryString()));
        return exchange;
    }

    Route routeOf(String method, String uri) {
        Exchange exchange = exchange(TestRequest.get(uri).method(method));
        match.apply(exchange);
        return exchange.route();
    }

    ProblemException refusal(String method, String uri) {
        return assertThrows(ProblemException.class, () -> routeOf(method, uri));
    }

    @Test
    void findsTheRouteWhosePrefixTheTargetBeginsWith() {
        assertEquals("users", routeOf("GET", "/api/users").name());
        assertEquals("users", routeOf("GET", "/api/users/").name());
        assertEquals("users", routeOf("PUT", "/api/users/alice").name());
        assertEquals("orders", routeOf("POST", "/api/orders/o-1/cancel").name());
        assertEquals("inventory", routeOf("GET", "/api/inventory/items/A").name());
    }

    @Test
    void matchesWholeSegmentsOnly() {
        for (String uri : List.of("/api/usersettings", "/api/inventoryx/items", "/api", "/", "/API/users",
                "/api/unknown/users")) {
            ProblemException e = refusal("GET", uri);
            assertEquals(404, e.problem().status(), uri);
        }
    }

    @Test
    void theFirstRouteInTheConfiguredOrderWins() {
        config.set("gateway.routes", "admins,users")
                .set("gateway.route.admins.path", "/api/users/admins")
                .set("gateway.route.admins.service", "staff");
        assertEquals("admins", routeOf("GET", "/api/users/admins/bob").name());
        assertEquals("users", routeOf("GET", "/api/users/bob").name());

        config.set("gateway.routes", "users,admins");
        assertEquals("users", routeOf("GET", "/api/users/admins/bob").name(), "users shadows admins now");
    }

    @Test
    void theOverviewIsBuiltInForOneNonEmptyId() {
        assertSame(MatchRoute.OVERVIEW, routeOf("GET", "/api/users/alice/overview"));
        assertEquals("users", routeOf("GET", "/api/users/alice/x/overview").name(), "only one segment as id");
        assertEquals("users", routeOf("GET", "/api/users/overview").name());
        assertFalse(MatchRoute.isOverview(new RequestTarget(List.of("api", "users", "", "overview"), List.of())));
        assertEquals(405, refusal("POST", "/api/users/alice/overview").problem().status());
    }

    @Test
    void aMethodTheRouteDoesNotAllowIs405WithAllow() {
        Exchange exchange = exchange(TestRequest.get("/api/orders/o-1").method("DELETE"));

        ProblemException e = assertThrows(ProblemException.class, () -> match.apply(exchange));

        assertEquals(405, e.problem().status());
        assertEquals("GET, POST", exchange.gatewayHeaders().get("Allow"));
    }

    Exchange preflight() {
        return exchange(TestRequest.get("/api/orders/o-1").method("OPTIONS")
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "DELETE"));
    }

    @Test
    void aPreflightThatReachesRoutingIsAnOptionsLikeAnyOther() {
        Exchange preflight = preflight();

        ProblemException e = assertThrows(ProblemException.class, () -> match.apply(preflight));

        assertEquals(405, e.problem().status());
        assertEquals("GET, POST", preflight.gatewayHeaders().get("Allow"));
    }

    @Test
    void anUnusableRouteIsSkippedAndReportedWhileTheOthersServe() {
        config.set("gateway.routes", "broken,users,users")
                .set("gateway.route.broken.path", "/admin/x")
                .set("gateway.route.broken.service", "s");

        assertEquals(List.of("users"), catalog.routes().stream().map(Route::name).toList());
        assertEquals(List.of("gateway.route.broken.path must not be / or under /admin (the operators' area)",
                "route 'users' is listed twice in gateway.routes"), catalog.problems());
        assertEquals("users", routeOf("GET", "/api/users/alice").name());
    }

    @Test
    void aBlankSettingIsAnUnsetOne() {
        config.set("gateway.route.users.auth", " ").set("gateway.route.users.upstream-path", "");

        Route users = catalog.routes().get(0);

        assertEquals(Route.Auth.BEARER, users.auth());
        assertEquals(List.of("api", "users"), users.upstreamPrefix());
    }
}
