package org.apigate.gateway.proxy;

import org.apigate.gateway.exchange.Route;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service's Location into the route's upstream path becomes the public URL; any other passes unchanged. */
class PublicLocationTest {

    static final URI GATEWAY = URI.create("https://api.example.org/");
    static final URI ORDER_INSTANCE = URI.create("http://10.0.0.5:8082/order");
    static final URI INVENTORY_INSTANCE = URI.create("http://10.0.0.7:8083/inventory");
    static final Route ORDERS = route("orders", List.of("api", "orders"), "order", List.of("api", "orders"));
    static final Route INVENTORY = route("inventory", List.of("api", "inventory"), "inventory", List.of("api"));

    static Route route(String name, List<String> prefix, String service, List<String> upstreamPrefix) {
        return new Route(name, Route.Kind.PROXY, prefix, service, upstreamPrefix, Set.of(), Route.Auth.BEARER,
                Set.of("customer"), "default", null, null);
    }

    static String orders(String location) {
        return PublicLocation.of(location, ORDER_INSTANCE, ORDERS, GATEWAY);
    }

    @Test
    void anAbsoluteLocationOnTheInstanceBecomesThePublicUrl() {
        assertEquals("https://api.example.org/api/orders/7", orders("http://10.0.0.5:8082/order/api/orders/7"));
        assertEquals("https://api.example.org/api/orders", orders("http://10.0.0.5:8082/order/api/orders"));
        assertEquals("https://api.example.org/api/orders/7", orders("HTTP://10.0.0.5:8082/order/api/orders/7"));
    }

    @Test
    void aRelativeLocationIntoTheUpstreamPathBecomesThePublicUrl() {
        assertEquals("https://api.example.org/api/orders/7", orders("/order/api/orders/7"));
    }

    @Test
    void keepsTheQueryAndTheFragment() {
        assertEquals("https://api.example.org/api/orders/7?x=1&y=a%20b",
                orders("http://10.0.0.5:8082/order/api/orders/7?x=1&y=a%20b"));
        assertEquals("https://api.example.org/api/orders/7#lines", orders("/order/api/orders/7#lines"));
    }

    @Test
    void aRouteWithAnotherUpstreamPathGetsItsPublicPrefixBack() {
        assertEquals("https://api.example.org/api/inventory/items/W-1", PublicLocation.of(
                "http://10.0.0.7:8083/inventory/api/items/W-1", INVENTORY_INSTANCE, INVENTORY, GATEWAY));
        assertEquals("https://api.example.org/api/inventory/items/W-1", PublicLocation.of(
                "/inventory/api/items/W-1", INVENTORY_INSTANCE, INVENTORY, GATEWAY));
    }

    @Test
    void anInstanceAtTheServersRootAndAPublicBaseWithAPathWork() {
        URI atRoot = URI.create("http://10.0.0.5:8082");

        assertEquals("https://example.org/gateway/api/orders/7", PublicLocation.of(
                "http://10.0.0.5:8082/api/orders/7", atRoot, ORDERS, URI.create("https://example.org/gateway/")));
    }

    @Test
    void aLocationElsewhereIsLeftAlone() {
        assertEquals("https://elsewhere.example/login", orders("https://elsewhere.example/login"));
        assertEquals("http://10.0.0.6:8082/order/api/orders/7", orders("http://10.0.0.6:8082/order/api/orders/7"),
                "another instance");
        assertEquals("http://10.0.0.5:9999/order/api/orders/7", orders("http://10.0.0.5:9999/order/api/orders/7"),
                "another port");
    }

    @Test
    void aLocationOutsideTheUpstreamPathIsLeftAlone() {
        assertEquals("/order/api/ordersx/7", orders("/order/api/ordersx/7"), "whole segments only");
        assertEquals("/order/health", orders("/order/health"));
        assertEquals("/api/orders/7", orders("/api/orders/7"), "not below the instance's context root");
        assertEquals("7", orders("7"));
    }

    @Test
    void aMalformedLocationIsLeftAlone() {
        assertEquals("http://[bad", orders("http://[bad"));
        assertEquals("/order/api/orders/a b", orders("/order/api/orders/a b"));
    }
}
