package org.apigate.gateway.access.control;

import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.access.entity.Caller;
import org.apigate.gateway.access.entity.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each rule of the contract for a customer, its allowed case beside its denied ones, and the admin's freedom. */
class AccessRulesTest {

    static final Caller ALICE = new Caller("alice", false);
    static final Caller ADMIN = new Caller("root", true);

    static Verdict alice(String method, String path) {
        return AccessRules.decide(ALICE, method, path, null, new byte[0]);
    }

    static Verdict alice(String method, String path, String query) {
        return AccessRules.decide(ALICE, method, path, query, new byte[0]);
    }

    static Verdict aliceOrders(String json) {
        return AccessRules.decide(ALICE, "POST", "/api/orders", null, json.getBytes(StandardCharsets.UTF_8));
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
        assertEquals(Verdict.DENY, alice("GET", "/api/users/alice%2F..%2Fbob"));
        assertEquals(Verdict.DENY, alice("GET", "/api/users/alice/extra"));
    }

    @Test
    void readsOnlyItsOwnOverview() {
        assertEquals(Verdict.ALLOW, alice("GET", "/api/users/alice/overview"));
        assertEquals(Verdict.DENY, alice("GET", "/api/users/bob/overview"));
        assertEquals(Verdict.DENY, alice("POST", "/api/users/alice/overview"));
    }

    @Test
    void listsOnlyItsOwnOrders() {
        assertEquals(Verdict.ALLOW, alice("GET", "/api/orders", "userId=alice"));
        assertEquals(Verdict.ALLOW, alice("GET", "/api/orders", "limit=5&userId=alice"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userId=bob"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userId=alice&userId=bob"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", null));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders", "userid=alice"));
    }

    @Test
    void placesOrdersOnlyForItself() {
        assertEquals(Verdict.ALLOW, aliceOrders("{\"userId\":\"alice\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}"));
        assertEquals(Verdict.DENY, aliceOrders("{\"userId\":\"bob\",\"lines\":[]}"));
        assertEquals(Verdict.DENY, aliceOrders("{\"lines\":[]}"));
        assertEquals(Verdict.DENY, aliceOrders("{\"userId\":null}"));
        assertEquals(Verdict.DENY, aliceOrders("{\"userId\":[\"alice\"]}"));
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
        assertEquals(Verdict.ifOwnOrder("o%2F1"), alice("POST", "/api/orders/o%2F1/cancel"));
        assertEquals(Verdict.DENY, alice("DELETE", "/api/orders/o-1"));
        assertEquals(Verdict.DENY, alice("PUT", "/api/orders/o-1"));
        assertEquals(Verdict.DENY, alice("GET", "/api/orders/o-1/cancel"));
        assertEquals(Verdict.DENY, alice("POST", "/api/orders/o-1/other"));
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
    void deniesEverythingElse() {
        assertEquals(Verdict.DENY, alice("GET", "/api"));
        assertEquals(Verdict.DENY, alice("GET", "/api/unknown"));
        assertEquals(Verdict.DENY, alice("GET", "/admin/routes"));
        assertEquals(Verdict.DENY, AccessRules.decide(new Caller(null, false), "GET", "/api/users/null", null,
                new byte[0]));
    }

    @Test
    void anAdminMayDoEverythingWithoutLookups() {
        assertEquals(Verdict.ALLOW, AccessRules.decide(ADMIN, "DELETE", "/api/users/bob", null, new byte[0]));
        assertEquals(Verdict.ALLOW, AccessRules.decide(ADMIN, "GET", "/api/users", null, new byte[0]));
        assertEquals(Verdict.ALLOW, AccessRules.decide(ADMIN, "POST", "/api/orders/o-1/cancel", null, new byte[0]));
        assertEquals(Verdict.ALLOW, AccessRules.decide(ADMIN, "POST", "/api/orders", null, "not json".getBytes()));
        assertEquals(Verdict.ALLOW, AccessRules.decide(ADMIN, "PUT", "/api/inventory/items/A", null, new byte[0]));
    }
}
