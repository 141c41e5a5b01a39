package org.apigate.inventory.stock.boundary;

import org.apigate.testing.AuthSettings;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inventory service with {@code gateway.auth.roles-claim=/realm_access/roles}, as for Keycloak's default access
 * tokens (no {@code groups}; typed {@code at+jwt} here, as a Keycloak client with the RFC 9068 option issues them -
 * by default Keycloak's header says {@code JWT}): the roles are read through the JSON Pointer, and a
 * {@code groups} claim grants nothing. The service credential keeps its own claim whatever this setting says.
 */
@ExtendWith(ArquillianExtension.class)
class ItemsRealmRolesIT {

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withConfig("inventory", AuthSettings.merged(AuthSettings.service("inventory"),
                Map.of("gateway.auth.roles-claim", "/realm_access/roles")));
    }

    @ArquillianResource
    URL base;

    String items;

    @BeforeEach
    void locate() {
        items = Loopback.deployment(base, "/inventory") + "/api/items";
    }

    static String keycloak(String subject, String... roles) {
        return Tokens.forSubject(subject).rolesIn("/realm_access/roles", roles).type("at+jwt").withoutJti().sign();
    }

    @Test
    void takesTheRolesFromTheNestedClaim() {
        String sku = "kc-" + UUID.randomUUID().toString().substring(0, 8);

        Http.Reply put = Http.as(keycloak("kc-admin", "admin", "offline_access"))
                .put(items + "/" + sku, "{\"name\":\"Keycloak\",\"available\":3}");

        assertEquals(201, put.status(), put::toString);
        assertEquals(3, Http.as(keycloak("kc-customer", "customer")).get(items + "/" + sku).json().getInt("available"));
        assertProblem(403, Http.as(keycloak("kc-customer", "customer"))
                .put(items + "/" + sku, "{\"name\":\"Keycloak\",\"available\":300}"));
    }

    @Test
    void aGroupsClaimGrantsNothingButServiceTokensKeepTheirRole() {
        assertProblem(403, Http.as(Tokens.admin("groups-admin")).get(items));
        assertEquals(200, Http.as(Tokens.service("inventory")).get(items).status());
    }
}
