package org.apigate.gateway.observability.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The route label is one of a fixed set, whatever the path. */
class RouteLabelTest {

    @Test
    void namesTheServiceAPathIsRoutedTo() {
        assertEquals("user", RouteLabel.of("/api/users/42"));
        assertEquals("user", RouteLabel.of("/api/users"));
        assertEquals("order", RouteLabel.of("/api/orders/7/cancel"));
        assertEquals("inventory", RouteLabel.of("/api/inventory/items/A"));
    }

    @Test
    void namesTheGatewaysOwnEndpoints() {
        assertEquals("overview", RouteLabel.of("/api/users/42/overview"));
        assertEquals("user", RouteLabel.of("/api/users/42/x/overview"), "only one segment as id");
        assertEquals("user", RouteLabel.of("/api/users//overview"));
        assertEquals("admin", RouteLabel.of("/admin/routes"));
        assertEquals("admin", RouteLabel.of("/admin"));
    }

    @Test
    void putsEverythingElseUnderUnrouted() {
        assertEquals("unrouted", RouteLabel.of("/api/usersettings"));
        assertEquals("unrouted", RouteLabel.of("/administrator"));
        assertEquals("unrouted", RouteLabel.of("/"));
        assertEquals("unrouted", RouteLabel.of("/probe/anything-a-client-invents"));
    }
}
