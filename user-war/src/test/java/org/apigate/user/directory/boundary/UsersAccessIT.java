package org.apigate.user.directory.boundary;

import jakarta.json.JsonObject;
import org.apigate.testing.AuthSettings;
import org.apigate.testing.ForgedTokens;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static org.apigate.testing.Problems.assertInvalidToken;
import static org.apigate.testing.Problems.assertMissingToken;
import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may do what at the user service itself, called directly as any local process could, not through the gateway:
 * each rule with the request that tries to get around it. An admin may do everything; a customer reads and
 * replaces its own user; the order service's credential reads any user; nobody else anything.
 */
@ExtendWith(ArquillianExtension.class)
class UsersAccessIT {

    static final String ADMIN = Tokens.admin("access-admin");

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withConfig("user", AuthSettings.service("user"));
    }

    @ArquillianResource
    URL base;

    String users;

    @BeforeEach
    void locate() {
        users = Loopback.deployment(base, "/user") + "/api/users";
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    static String form(String name) {
        return "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.org\",\"displayName\":\"" + name + "\"}";
    }

    String newUser() {
        Http.Reply created = Http.post(users, form("a" + UUID.randomUUID().toString().substring(0, 8)),
                bearer(ADMIN));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    static List<Named<String>> forgedTokens() {
        return ForgedTokens.all("forger");
    }

    @Test
    void withoutATokenEveryResourceAnswers401WithTheBearerChallenge() {
        String id = newUser();

        assertMissingToken(Http.get(users + "/" + id));
        assertMissingToken(Http.get(users));
        assertMissingToken(Http.post(users, form("nobody")));
        assertMissingToken(Http.put(users + "/" + id, form("nobody")));
        assertMissingToken(Http.delete(users + "/" + id));
        assertMissingToken(Http.get(users + "/" + id, "Authorization", "Basic YWRtaW46YWRtaW4="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void refusesForgedTokensWith401(String forged) {
        Http.Reply reply = Http.get(users, "Authorization", "Bearer " + forged, "X-Request-Id", "forged-1");

        JsonObject problem = assertInvalidToken(reply);
        assertEquals("forged-1", problem.getString("requestId"));
        assertEquals("forged-1", reply.header("X-Request-Id"));
    }

    @Test
    void refusesTwoAuthorizationHeadersAndAnEmptyOne() {
        assertInvalidToken(Http.get(users, "Authorization", "Bearer " + ADMIN, "Authorization", "Bearer " + ADMIN));
        assertInvalidToken(Http.get(users, "Authorization", "Bearer "));
    }

    @Test
    void acceptsTheSchemeInAnyCaseAndTheShapesIdentityProvidersIssue() {
        String id = newUser();
        for (String token : new String[] {
                Tokens.forSubject(id).groups("customer").withoutJti().sign(), // Entra ID, Auth0: no jti
                Tokens.forSubject(id).groups("customer").type("at+jwt").sign(), // RFC 9068 access token
                Tokens.forSubject(id).groups("customer").type(null).sign(),
                Tokens.forSubject(id).groups("customer").es256().sign()}) {
            assertEquals(200, Http.get(users + "/" + id, bearer(token)).status(), token);
        }
        assertEquals(200, Http.get(users + "/" + id, "Authorization", "bearer " + Tokens.customer(id)).status());
        assertEquals(200, Http.get(users + "/" + id, "Authorization", "BEARER " + Tokens.customer(id)).status());
    }

    @Test
    void aCustomerReadsAndReplacesOnlyItsOwnUser() {
        String own = newUser();
        String other = newUser();
        String[] customer = bearer(Tokens.customer(own));

        assertEquals(200, Http.get(users + "/" + own, customer).status());
        assertEquals(200, Http.put(users + "/" + own, form("renamed" + own.substring(0, 8)), customer).status());
        assertProblem(403, Http.get(users + "/" + other, customer));
        assertProblem(403, Http.put(users + "/" + other, form("taken" + own.substring(0, 8)), customer));
        assertProblem(403, Http.get(users + "/no-such-user", customer)); // 403, not 404: ids are not revealed
    }

    @Test
    void aCustomerMayNotRegisterListOrDeleteUsers() {
        String own = newUser();
        String[] customer = bearer(Tokens.customer(own));

        assertProblem(403, Http.post(users, form("self-made"), customer));
        assertProblem(403, Http.get(users, customer));
        assertProblem(403, Http.delete(users + "/" + own, customer));
        assertEquals(200, Http.get(users + "/" + own, bearer(ADMIN)).status(), "still there");
    }

    @Test
    void rolesWhereTheServiceDoesNotLookForThemGrantNothing() {
        String own = newUser();

        assertProblem(403, Http.get(users + "/" + own, bearer(Tokens.forSubject(own).rolesIn("roles", "admin").sign())));
        assertProblem(403, Http.get(users, bearer(Tokens.forSubject("kc").rolesIn("/realm_access/roles", "admin")
                .sign())));
        assertProblem(403, Http.get(users + "/" + own, bearer(Tokens.forSubject(own).sign()))); // no role at all
    }

    @Test
    void theOrderServiceReadsAnyUserButChangesNothing() {
        String id = newUser();
        String[] service = bearer(Tokens.service("user"));

        assertEquals(200, Http.get(users + "/" + id, service).status());
        assertProblem(404, Http.get(users + "/no-such-user", service));
        assertProblem(403, Http.get(users, service));
        assertProblem(403, Http.post(users, form("by-service"), service));
        assertProblem(403, Http.put(users + "/" + id, form("by-service"), service));
        assertProblem(403, Http.delete(users + "/" + id, service));
    }

    @Test
    void refusesServiceTokensMeantForAnotherServiceOrNotSignedByTheServiceKey() {
        String id = newUser();

        assertInvalidToken(Http.get(users + "/" + id, bearer(Tokens.service("inventory"))));
        assertInvalidToken(Http.get(users + "/" + id, bearer(Tokens.forService("user").signedByAttacker().sign())));
        // signed with the users' issuer's key, which does not vouch for services
        assertInvalidToken(Http.get(users + "/" + id, bearer(Tokens.forService("user").signedWith(TestKeys.RSA).sign())));
    }

    @Test
    void theUsersIdentityProviderCannotGrantTheServiceRole() {
        String id = newUser();

        assertProblem(403, Http.get(users + "/" + id, bearer(Tokens.forSubject("impostor").groups("service").sign())));
    }
}
