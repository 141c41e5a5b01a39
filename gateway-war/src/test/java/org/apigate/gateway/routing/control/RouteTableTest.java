package org.apigate.gateway.routing.control;

import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.routing.entity.Route;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's routing table, and the path decoding that decisions rely on. */
class RouteTableTest {

    @Test
    void routesUsersAndOrdersToTheSamePathAtTheirService() {
        assertEquals(Optional.of(new Route("user", "/api/users")), RouteTable.resolve("/api/users"));
        assertEquals(Optional.of(new Route("user", "/api/users/42/x")), RouteTable.resolve("/api/users/42/x"));
        assertEquals(Optional.of(new Route("order", "/api/orders/7/cancel")),
                RouteTable.resolve("/api/orders/7/cancel"));
    }

    @Test
    void routesInventoryBelowTheServicesApi() {
        assertEquals(Optional.of(new Route("inventory", "/api/items/SKU-1")),
                RouteTable.resolve("/api/inventory/items/SKU-1"));
        assertEquals(Optional.of(new Route("inventory", "/api/reservations")),
                RouteTable.resolve("/api/inventory/reservations"));
    }

    @Test
    void keepsTheEncodingAsSent() {
        assertEquals("/api/users/a%2Fb%20c", RouteTable.resolve("/api/users/a%2Fb%20c").orElseThrow().path());
    }

    @Test
    void matchesWholeSegmentsOnly() {
        assertFalse(RouteTable.resolve("/api/usersettings").isPresent());
        assertFalse(RouteTable.resolve("/api/inventoryx/items").isPresent());
        assertFalse(RouteTable.resolve("/api").isPresent());
        assertFalse(RouteTable.resolve("/api/unknown/users").isPresent());
        assertFalse(RouteTable.resolve("/API/users").isPresent());
    }

    @Test
    void decodesSegmentsAfterSplittingSoAnEncodedSlashStaysInside() {
        assertEquals(List.of("api", "users", "me/../bob"), PathSegments.of("/api/users/me%2F..%2Fbob"));
        assertEquals(List.of("api", "users", "a+b c"), PathSegments.of("/api/users/a+b%20c"));
        assertEquals(List.of("api", "orders", ""), PathSegments.of("/api/orders/"));
    }

    @Test
    void findsDotSegmentsEvenEncoded() {
        assertTrue(PathSegments.hasDotSegment("/api/users/me/../bob"));
        assertTrue(PathSegments.hasDotSegment("/api/users/%2e%2E/bob"));
        assertTrue(PathSegments.hasDotSegment("/api/./users"));
        assertFalse(PathSegments.hasDotSegment("/api/users/me..bob"));
    }

    @Test
    void decodesQueryParametersInOrder() {
        assertEquals(Map.of("userId", List.of("a b", "c+d"), "flag", List.of("")),
                PathSegments.query("userId=a+b&flag&userId=c%2Bd"));
        assertTrue(PathSegments.query(null).isEmpty());
    }

    @Test
    void malformedEncodingIsTheClientsError() {
        assertEquals(400, assertThrows(ProblemException.class, () -> PathSegments.query("userId=%zz"))
                .problem().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> PathSegments.of("/api/users/%"))
                .problem().status());
    }

    @Test
    void parsesConfiguredInstancesAndSkipsWhatIsNoBaseUrl() {
        assertEquals(List.of(java.net.URI.create("http://10.0.0.5:8081/user"),
                        java.net.URI.create("https://users.internal/user")),
                ServiceDirectory.parse("user", " http://10.0.0.5:8081/user/ ,, https://users.internal/user,"
                        + "ftp://x/user,not a url,http://x/user?q=1"));
        assertTrue(ServiceDirectory.parse("user", "").isEmpty());
    }
}
