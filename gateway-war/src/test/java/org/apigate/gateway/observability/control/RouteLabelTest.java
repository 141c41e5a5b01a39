package org.apigate.gateway.observability.control;

import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.TestRequest;
import org.apigate.gateway.exchange.Route;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The route label is a configured route's name, admin or unrouted - never anything a client invents. */
class RouteLabelTest {

    static Exchange exchange(String uri, String route) {
        Exchange exchange = TestRequest.get(uri).exchange();
        if (route != null) {
            exchange.route(new Route(route, Route.Kind.PROXY, List.of("api", "users"), "user", List.of("api", "users"),
                    Set.of(), Route.Auth.BEARER, Set.of("customer"), "default", null, null));
        }
        return exchange;
    }

    @Test
    void namesTheMatchedRoute() {
        assertEquals("users", RouteLabel.of(exchange("/api/users/42", "users")));
        assertEquals("overview", RouteLabel.of(exchange("/api/users/42/overview", "overview")));
    }

    @Test
    void namesTheOperatorsArea() {
        assertEquals("admin", RouteLabel.of(exchange("/admin/routes", null)));
        assertEquals("admin", RouteLabel.of(exchange("/admin", null)));
    }

    @Test
    void putsEverythingElseUnderUnrouted() {
        assertEquals("unrouted", RouteLabel.of(exchange("/api/usersettings", null)));
        assertEquals("unrouted", RouteLabel.of(exchange("/administrator", null)));
        assertEquals("unrouted", RouteLabel.of(exchange("/", null)));
        assertEquals("unrouted", RouteLabel.of(exchange("/probe/anything-a-client-invents", null)));
    }
}
