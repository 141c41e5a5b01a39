package org.apigate.gateway.routes.control;

import org.apigate.gateway.exchange.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One route's keys: a full definition, the defaults, and a message naming the key for each unusable value. */
class RouteParserTest {

    static Route parse(String name, String... keysAndValues) throws RouteParser.InvalidRoute {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return RouteParser.parse(name, key -> Optional.ofNullable(settings.get(key)));
    }

    static String problem(String name, String... keysAndValues) {
        return assertThrows(RouteParser.InvalidRoute.class, () -> parse(name, keysAndValues)).getMessage();
    }

    @Test
    void readsAFullDefinition() throws RouteParser.InvalidRoute {
        Route route = parse("orders-v2", "path", " /api/v2/orders/ ", "service", " order ", "upstream-path",
                "/api/orders", "methods", "get, Post,,", "auth", "Bearer", "roles", "customer, support",
                "ratelimit", "orders", "timeout", "PT5S", "max-body-bytes", " 2048 ");

        assertEquals(new Route("orders-v2", Route.Kind.PROXY, List.of("api", "v2", "orders"), "order",
                List.of("api", "orders"), Set.of("GET", "POST"), Route.Auth.BEARER, Set.of("customer", "support"),
                "orders", Duration.ofSeconds(5), 2048L), route);
    }

    @Test
    void fillsInTheDefaults() throws RouteParser.InvalidRoute {
        Route route = parse("users", "path", "/api/users", "service", "user");

        assertEquals(List.of("api", "users"), route.upstreamPrefix(), "upstream-path = path");
        assertEquals(Route.Auth.BEARER, route.auth());
        assertEquals(Set.of("customer", "admin"), route.roles());
        assertEquals("default", route.policy());
        assertEquals(Set.of(), route.methods(), "every method");
        assertTrue(route.allows("PATCH"));
        assertEquals(null, route.timeout(), "the proxy's timeout");
        assertEquals(null, route.maxBodyBytes(), "the proxy's limit");
    }

    @Test
    void aPublicRouteCountsUnderTheDefaultPolicyUnlessToldOtherwise() throws RouteParser.InvalidRoute {
        Route open = parse("status", "path", "/api/status", "service", "status", "auth", "none");

        assertTrue(open.isPublic());
        assertEquals("default", open.policy(), "per address for callers without a token, per subject for the others");
        assertEquals("public", parse("status", "path", "/api/status", "service", "status", "auth", "none",
                "ratelimit", "public").policy());
        assertEquals(Set.of(), parse("status", "path", "/api/status", "service", "status", "auth", "none",
                "roles", " , ").roles(), "no roles are needed without a token");
    }

    @Test
    void readsPathsAsCanonicalSegments() throws RouteParser.InvalidRoute {
        Route route = parse("cafe", "path", "/api/caf%c3%a9/", "service", "cafe", "upstream-path", "/");

        assertEquals(List.of("api", "caf\u00e9"), route.prefix());
        assertEquals(List.of(), route.upstreamPrefix(), "the instance's root");
    }

    @Test
    void acceptsTheBodyLimitsAtTheEdges() throws RouteParser.InvalidRoute {
        assertEquals(-1L, parse("r", "path", "/api/r", "service", "s", "max-body-bytes", "-1").maxBodyBytes());
        assertEquals(0L, parse("r", "path", "/api/r", "service", "s", "max-body-bytes", "0").maxBodyBytes());
    }

    @Test
    void aMissingPathOrServiceIsNamed() {
        assertEquals("gateway.route.r.path is not set", problem("r", "service", "s"));
        assertEquals("gateway.route.r.service is not set", problem("r", "path", "/api/r"));
    }

    @ParameterizedTest
    @CsvSource({"Users", "bad name", "-dash", "a.b", "''"})
    void aBadNameIsNamed(String name) {
        assertTrue(problem(name, "path", "/api/r", "service", "s").startsWith("route name '" + name + "'"));
    }

    @ParameterizedTest
    @CsvSource({"/", "//", "/admin", "/admin/", "/admin/routes"})
    void aPathAtTheRootOrUnderAdminIsRefused(String path) {
        assertEquals("gateway.route.r.path must not be / or under /admin (the operators' area)",
                problem("r", "path", path, "service", "s"));
    }

    @ParameterizedTest
    @CsvSource({"api/users", "/api/../admin", "/api//users", "/api/a%2Fb", "/api/users;v=1", "/api/%zz"})
    void aPathTheGatewayWouldRefuseAsATargetIsRefused(String path) {
        assertTrue(problem("r", "path", path, "service", "s")
                .startsWith("gateway.route.r.path '" + path + "' is not a usable path: "));
        assertTrue(problem("r", "path", "/api/r", "service", "s", "upstream-path", path)
                .startsWith("gateway.route.r.upstream-path '" + path + "' is not a usable path: "));
    }

    @Test
    void eachUnusableValueIsNamedByItsKey() {
        String[] base = {"path", "/api/r", "service", "s"};
        assertTrue(problem("r", "path", "/api/r", "service", "Order!").startsWith("gateway.route.r.service 'Order!'"));
        assertTrue(problem("r", with(base, "auth", "basic")).startsWith("gateway.route.r.auth must be bearer or none"));
        assertTrue(problem("r", with(base, "methods", "GET,P-OST"))
                .startsWith("gateway.route.r.methods has an invalid entry 'P-OST'"));
        assertTrue(problem("r", with(base, "roles", " , ")).startsWith("gateway.route.r.roles is empty"));
        assertTrue(problem("r", with(base, "roles", "customer,a b"))
                .startsWith("gateway.route.r.roles has an invalid entry 'a b'"));
        assertTrue(problem("r", with(base, "ratelimit", "Bad Policy")).startsWith("gateway.route.r.ratelimit"));
    }

    @ParameterizedTest
    @CsvSource({"10s", "PT0S", "-PT1S", "soon"})
    void aBadTimeoutIsNamed(String timeout) {
        assertTrue(problem("r", "path", "/api/r", "service", "s", "timeout", timeout)
                .startsWith("gateway.route.r.timeout must be"));
    }

    @ParameterizedTest
    @CsvSource({"1k", "-2", "1.5", "99999999999999999999"})
    void aBadBodyLimitIsNamed(String bytes) {
        assertTrue(problem("r", "path", "/api/r", "service", "s", "max-body-bytes", bytes)
                .startsWith("gateway.route.r.max-body-bytes must be"));
    }

    @Test
    void readsTheListOfRouteNames() {
        assertEquals(List.of("users", "orders"), RouteParser.names(" users, ,orders ,"));
        assertEquals(List.of(), RouteParser.names(""));
    }

    static String[] with(String[] base, String key, String value) {
        String[] all = java.util.Arrays.copyOf(base, base.length + 2);
        all[base.length] = key;
        all[base.length + 1] = value;
        return all;
    }
}
