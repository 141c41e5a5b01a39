package org.apigate.common.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RolesClaimTest {

    @Test
    void readsGroupsByDefault() {
        assertEquals(Set.of("admin", "customer"),
                RolesClaim.of(null).in(Map.of("groups", List.of("admin", "customer"), "roles", List.of("x"))));
        assertEquals(Set.of("admin"), RolesClaim.of("  ").in(Map.of("groups", List.of("admin"))));
    }

    @Test
    void readsAnyTopLevelClaimByName() {
        Map<String, Object> entra = Map.of("roles", List.of("admin"));
        Map<String, Object> auth0 = Map.of("https://example.com/roles", List.of("customer"),
                "permissions", List.of("read:items"));

        assertEquals(Set.of("admin"), RolesClaim.of("roles").in(entra));
        assertEquals(Set.of("customer"), RolesClaim.of("https://example.com/roles").in(auth0));
        assertEquals(Set.of("read:items"), RolesClaim.of("permissions").in(auth0));
    }

    @Test
    void followsAJsonPointerIntoNestedClaims() {
        Map<String, Object> keycloak = Map.of("realm_access", Map.of("roles", List.of("admin", "offline_access")),
                "resource_access", Map.of("shop/api", Map.of("roles", List.of("customer"))));

        assertEquals(Set.of("admin", "offline_access"), RolesClaim.of("/realm_access/roles").in(keycloak));
        assertEquals(Set.of("customer"), RolesClaim.of("/resource_access/shop~1api/roles").in(keycloak),
                "~1 stands for /");
        assertEquals(Set.of("customer"), RolesClaim.of("/a~0b").in(Map.of("a~b", "customer")), "~0 stands for ~");
        assertEquals(Set.of("second"),
                RolesClaim.of("/nested/1/role").in(Map.of("nested", List.of(Map.of(), Map.of("role", "second")))));
    }

    @Test
    void takesOneStringAsOneRoleWithoutSplittingIt() {
        assertEquals(Set.of("admin customer"), RolesClaim.of("roles").in(Map.of("roles", "admin customer")));
    }

    @Test
    void ignoresWhatIsNotAString() {
        assertEquals(Set.of("admin"),
                RolesClaim.of("groups").in(Map.of("groups", List.of("admin", 42L, Map.of("x", "y"), List.of("z")))));
        assertEquals(Set.of(), RolesClaim.of("groups").in(Map.of("groups", 7L)));
        assertEquals(Set.of(), RolesClaim.of("groups").in(Map.of("groups", Map.of("admin", true))));
    }

    @Test
    void findsNothingWhereThePathLeadsNowhere() {
        assertEquals(Set.of(), RolesClaim.of("roles").in(Map.of("groups", List.of("admin"))));
        assertEquals(Set.of(), RolesClaim.of("/realm_access/roles").in(Map.of("realm_access", "admin")));
        assertEquals(Set.of(), RolesClaim.of("/realm_access/roles").in(Map.of()));
        assertEquals(Set.of(), RolesClaim.of("/list/7").in(Map.of("list", List.of("a"))));
        assertEquals(Set.of(), RolesClaim.of("/list/01").in(Map.of("list", List.of("a", "b"))), "no leading zeros");
        assertEquals(Set.of(), RolesClaim.of("/list/-1").in(Map.of("list", List.of("a"))));
    }
}
