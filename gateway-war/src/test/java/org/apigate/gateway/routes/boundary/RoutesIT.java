package org.apigate.gateway.routes.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.apigate.gateway.backend.Await;
import org.apigate.gateway.backend.GatewayArchive;
import org.apigate.gateway.backend.LiveConfigSource;
import org.apigate.gateway.backend.RouteConfig;
import org.apigate.gateway.backend.TestBackend;
import org.apigate.gateway.probe.LogProbe;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.apigate.testing.Problems.assertMissingToken;
import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes are configuration, read live: on real Payara Micro, the gateway is deployed knowing one route
 * ({@code stable}); the tests then write routes to a service it has never heard of ({@code catalog}, stand-in
 * instances in this JVM) with a {@link LiveConfigSource}, without a redeploy - their path rewriting, methods, roles,
 * timeout, body limit and public access; invalid definitions skipped and reported; a removed route gone again; and
 * what {@code GET /admin/routes} shows of them.
 */
@ExtendWith(ArquillianExtension.class)
class RoutesIT {

    static final TestBackend STABLE = TestBackend.start("stable");
    static final TestBackend CATALOG = TestBackend.start("catalog-1");
    static final TestBackend SPARE = TestBackend.start("catalog-2");
    static final Path LIVE_CONFIG = Path.of("target", "it-live", "routes.properties");
    static final String CUSTOMER = "Bearer " + Tokens.customer("routes-customer");
    static final String ADMIN = "Bearer " + Tokens.admin("routes-admin");
    static final String CATALOG_LOGGER = "org.apigate.gateway.routes.control.RouteCatalog";

    @Deployment(testable = false)
    static WebArchive gateway() throws IOException {
        Files.createDirectories(LIVE_CONFIG.getParent());
        LiveConfigSource.write(LIVE_CONFIG, Map.of());
        Map<String, String> settings = RouteConfig.routes()
                .route("stable", "/api/stable", "stable")
                .service("stable", STABLE.url("/stable"))
                .set("gateway.proxy.timeout", "PT8S")
                .toMap();
        return GatewayArchive.withLiveConfig(settings, LIVE_CONFIG).addClass(LogProbe.class);
    }

    @AfterAll
    static void stopBackends() {
        Stream.of(STABLE, CATALOG, SPARE).forEach(TestBackend::close);
    }

    @ArquillianResource
    URL base;

    String gateway;
    String id;

    @BeforeEach
    void locate() {
        gateway = Loopback.deployment(base, "");
        id = "it-" + UUID.randomUUID();
    }

    @AfterEach
    void forgetLiveRoutes() {
        LiveConfigSource.write(LIVE_CONFIG, Map.of());
    }

    /** The stable route, and routes to the catalog service: rewritten, limited, admin-only and public ones. */
    static RouteConfig catalogRoutes() {
        return RouteConfig.routes()
                .route("stable", "/api/stable", "stable")
                .route("catalog", "/shop/catalog", "catalog", "upstream-path", "/v2/items", "methods", "get, POST",
                        "timeout", "PT1S", "max-body-bytes", "100", "ratelimit", "catalog")
                .route("ops", "/shop/ops", "catalog", "roles", "admin")
                .route("open", "/shop/open", "catalog", "auth", "none")
                .service("catalog", CATALOG.url("/catalog") + ";weight=3, " + SPARE.url("/catalog") + ";weight=0");
    }

    Http.Reply call(String method, String path, String authorization, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-Request-Id", id));
        if (authorization != null) {
            all.addAll(List.of("Authorization", authorization));
        }
        if (body != null) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        all.addAll(List.of(headers));
        return Http.send(method, gateway + path, body, all.toArray(String[]::new));
    }

    /** Writes {@code config} and waits until {@code path} answers {@code status} (at once, as the cache is off). */
    void change(RouteConfig config, String path, int status) {
        LiveConfigSource.write(LIVE_CONFIG, config.toMap());
        Await.until(Duration.ofSeconds(10), () -> Http.get(gateway + path, "Authorization", ADMIN).status() == status,
                path + " answers " + status + " after the change");
    }

    long received(TestBackend... backends) {
        return Stream.of(backends).mapToLong(b -> b.count(r -> r.hasRequestId(id))).sum();
    }

    @Test
    void servesARouteAddedAtRunTimeToAServiceTheGatewayHasNeverHeardOf() {
        assertProblem(404, call("GET", "/shop/catalog/abc", CUSTOMER, null));

        change(catalogRoutes(), "/shop/catalog/abc", 200);

        Http.Reply get = call("GET", "/shop/catalog/abc?q=1&q=2", CUSTOMER, null);
        assertEquals(200, get.status(), get::toString);
        assertEquals("catalog-1", get.json().getString("backend"), "weight 0 drains catalog-2");
        assertEquals("/catalog/v2/items/abc", get.json().getString("path"), "the public prefix replaced");
        assertEquals("q=1&q=2", get.json().getString("query"));

        Http.Reply post = call("POST", "/shop/catalog", CUSTOMER, "{\"n\":1}");
        assertEquals(200, post.status(), post::toString);
        assertEquals("/catalog/v2/items", post.json().getString("path"));
        assertEquals("{\"n\":1}", post.json().getString("body"));

        id = "it-" + UUID.randomUUID();
        for (String method : List.of("DELETE", "PUT")) {
            Http.Reply refused = call(method, "/shop/catalog/abc", CUSTOMER, method.equals("PUT") ? "{}" : null);
            assertProblem(405, refused);
            assertEquals("GET, POST", refused.header("Allow"), refused::toString);
        }
        assertEquals(0, received(CATALOG, SPARE), "a method the route does not allow reaches no service");
    }

    @Test
    void holdsEachRouteToItsRolesTimeoutAndBodyLimit() {
        change(catalogRoutes(), "/shop/catalog/x", 200);

        assertProblem(403, call("GET", "/shop/ops/x", CUSTOMER, null));
        assertEquals(0, received(CATALOG, SPARE), "a customer does not reach the admins' route");
        Http.Reply admin = call("GET", "/shop/ops/x", ADMIN, null);
        assertEquals(200, admin.status(), admin::toString);
        assertEquals("/catalog/shop/ops/x", admin.json().getString("path"), "no upstream-path: the path itself");

        long start = System.nanoTime();
        JsonObject timeout = assertProblem(504, call("GET", "/shop/catalog/slow", CUSTOMER, null,
                TestBackend.BEHAVIOUR, "slow"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(900)) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0,
                () -> "the route's 1 s, not the proxy's 8 s: " + took + " " + timeout);

        id = "it-" + UUID.randomUUID();
        String limit = "{\"s\":\"" + "x".repeat(100 - 8) + "\"}";
        assertEquals(100, limit.length());
        assertProblem(413, call("POST", "/shop/catalog", CUSTOMER, limit + " "));
        assertEquals(0, received(CATALOG, SPARE), "a body over the route's limit reaches no service");
        Http.Reply atLimit = call("POST", "/shop/catalog", CUSTOMER, limit);
        assertEquals(200, atLimit.status(), atLimit::toString);
        assertEquals(limit, atLimit.json().getString("body"));
    }

    @Test
    void answersAPublicRouteWithAndWithoutAToken() {
        change(catalogRoutes(), "/shop/open/x", 200);

        Http.Reply anonymous = call("GET", "/shop/open/x", null, null);
        assertEquals(200, anonymous.status(), anonymous::toString);
        assertEquals("/catalog/shop/open/x", anonymous.json().getString("path"));
        Http.Reply withToken = call("GET", "/shop/open/x", CUSTOMER, null);
        assertEquals(200, withToken.status(), withToken::toString);
        assertEquals(CUSTOMER, withToken.json().getJsonObject("headers").getJsonArray("authorization").getString(0),
                "the token goes on, for the service to use");

        assertMissingToken(call("GET", "/shop/catalog/x", null, null));
    }

    @Test
    void skipsInvalidDefinitionsReportsThemOnceAndKeepsServingTheValidRoutes() {
        assertEquals(204, Http.put(gateway + "/admin/probe/log/" + CATALOG_LOGGER, "", "Authorization", ADMIN).status());
        RouteConfig config = catalogRoutes()
                .route("nosvc", "/shop/nosvc", null)
                .route("badauth", "/shop/badauth", "catalog", "auth", "basic")
                .route("underadmin", "/admin/shadow", "catalog")
                .route("badtimeout", "/shop/badtimeout", "catalog", "timeout", "10s");
        List<String> problems = List.of("gateway.route.nosvc.service is not set",
                "gateway.route.badauth.auth must be bearer or none",
                "gateway.route.underadmin.path must not be / or under /admin",
                "gateway.route.badtimeout.timeout must be an ISO-8601 duration");
        change(config, "/shop/catalog/x", 200);

        for (String path : List.of("/shop/nosvc/x", "/shop/badauth/x", "/shop/badtimeout/x")) {
            assertProblem(404, call("GET", path, CUSTOMER, null));
        }
        Http.Reply admin = call("GET", "/admin/shadow/x", ADMIN, null);
        assertNotEquals(500, admin.status(), admin::toString);
        assertTrue(admin.status() >= 400 && admin.status() < 500, admin::toString);
        assertEquals(0, received(CATALOG, SPARE), "no skipped route reaches the service");
        assertEquals(200, call("GET", "/api/stable/x", CUSTOMER, null).status(), "the valid routes serve");
        assertEquals(200, call("GET", "/shop/catalog/x", CUSTOMER, null).status());

        List<String> ready = configCheckData();
        List<String> skipped = adminRoutes().getJsonArray("skipped").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        for (String problem : problems) {
            assertEquals(1, ready.stream().filter(p -> p.contains(problem)).count(), () -> problem + ": " + ready);
            assertEquals(1, skipped.stream().filter(p -> p.contains(problem)).count(), () -> problem + ": " + skipped);
        }
        assertEquals(List.of("stable", "catalog", "ops", "open"), routeNames());
        List<String> logged = Http.get(gateway + "/admin/probe/log/" + CATALOG_LOGGER, "Authorization", ADMIN).jsonArray()
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        for (String problem : problems) {
            assertEquals(1, logged.stream().filter(line -> line.contains(problem)).count(),
                    () -> "logged once, though every request read the routes again: " + problem + " in " + logged);
        }
    }

    @Test
    void answers404AgainOnceARouteIsRemoved() {
        change(catalogRoutes(), "/shop/catalog/x", 200);

        change(RouteConfig.routes().route("stable", "/api/stable", "stable")
                .service("catalog", CATALOG.url("/catalog")), "/shop/catalog/x", 404);

        assertProblem(404, call("GET", "/shop/catalog/x", CUSTOMER, null));
        assertEquals(0, received(CATALOG, SPARE));
        assertEquals(List.of("stable"), routeNames());
        assertEquals(200, call("GET", "/api/stable/x", CUSTOMER, null).status());
    }

    @Test
    void listsEachRouteWithItsPoliciesAndItsInstancesWeights() {
        change(catalogRoutes(), "/shop/catalog/x", 200);

        JsonObject catalog = route("catalog");
        assertEquals("/shop/catalog/**", catalog.getString("path"));
        assertEquals("catalog", catalog.getString("service"));
        assertEquals("/v2/items/**", catalog.getString("servicePath"));
        assertEquals("GET,POST", catalog.getString("methods"));
        assertEquals("bearer", catalog.getString("auth"));
        assertEquals("admin,customer", catalog.getString("roles"));
        assertEquals("catalog", catalog.getString("ratelimit"));
        assertEquals("gateway.service.catalog.urls", catalog.getString("configKey"));
        List<JsonObject> instances = catalog.getJsonArray("instances").getValuesAs(JsonObject.class);
        assertEquals(List.of(CATALOG.url("/catalog"), SPARE.url("/catalog")),
                instances.stream().map(i -> i.getString("url")).toList());
        assertEquals(List.of(3, 0), instances.stream().map(i -> i.getInt("weight")).toList());

        assertEquals("*", route("ops").getString("methods"));
        assertEquals("admin", route("ops").getString("roles"));
        assertEquals("default", route("ops").getString("ratelimit"));
        assertEquals("none", route("open").getString("auth"));
        assertFalse(route("stable").getJsonArray("instances").isEmpty());
    }

    JsonObject adminRoutes() {
        Http.Reply routes = Http.get(gateway + "/admin/routes", "Authorization", ADMIN);
        assertEquals(200, routes.status(), routes::toString);
        return routes.json();
    }

    List<String> routeNames() {
        return adminRoutes().getJsonArray("routes").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("name")).toList();
    }

    JsonObject route(String name) {
        return adminRoutes().getJsonArray("routes").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("route " + name + " not listed"));
    }

    /** The data values of readiness check {@code gateway-config}, which stays UP. */
    List<String> configCheckData() {
        Http.Reply health = Http.get(gateway + "/health/ready");
        JsonObject check = health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("gateway-config")).findFirst()
                .orElseThrow(() -> new AssertionError("no gateway-config check: " + health));
        assertEquals("UP", check.getString("status"), check::toString);
        return check.getJsonObject("data").values().stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
