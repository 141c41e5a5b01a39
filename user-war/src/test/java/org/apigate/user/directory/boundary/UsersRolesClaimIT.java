package org.apigate.user.directory.boundary;

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
 * The user service with {@code gateway.auth.roles-claim=roles}, as for Entra ID's access tokens: roles are read from
 * there, and a {@code groups} claim grants nothing.
 */
@ExtendWith(ArquillianExtension.class)
class UsersRolesClaimIT {

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withConfig("user", AuthSettings.merged(AuthSettings.service("user"),
                Map.of("gateway.auth.roles-claim", "roles")));
    }

    @ArquillianResource
    URL base;

    String users;

    @BeforeEach
    void locate() {
        users = Loopback.deployment(base, "/user") + "/api/users";
    }

    @Test
    void takesTheRolesFromTheConfiguredClaim() {
        String entraAdmin = Tokens.forSubject("entra-admin").rolesIn("roles", "admin").withoutJti().sign();
        String name = "e" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply created = Http.post(users, "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.org\",\"displayName\":\"" + name + "\"}", "Authorization", "Bearer " + entraAdmin);
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");

        String entraCustomer = Tokens.forSubject(id).rolesIn("roles", "customer").withoutJti().sign();
        assertEquals(200, Http.get(users + "/" + id, "Authorization", "Bearer " + entraCustomer).status());
        assertEquals(200, Http.get(users, "Authorization", "Bearer " + entraAdmin).status());
    }

    @Test
    void aGroupsClaimGrantsNothingThen() {
        assertProblem(403, Http.get(users, "Authorization", "Bearer " + Tokens.admin("groups-admin")));
    }
}
