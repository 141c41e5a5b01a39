package org.apigate.user.directory.boundary;

import jakarta.json.JsonObject;
import org.apigate.testing.AuthSettings;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.PlatformEndpoints;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.UUID;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user API on real Payara Micro, deployed as the WAR operators deploy, good paths and bad, called by an admin
 * (who may do everything; who else may do what is {@link UsersAccessIT}).
 */
@ExtendWith(ArquillianExtension.class)
class UsersApiIT {

    static final String BEARER = "Bearer " + Tokens.admin("users-api-admin");
    static final String[] ADMIN = {"Authorization", BEARER};

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withConfig("user", AuthSettings.service("user"));
    }

    @ArquillianResource
    URL base;

    String api;
    String users;

    @BeforeEach
    void locate() {
        api = Loopback.deployment(base, "/user") + "/api";
        users = api + "/users";
    }

    static String form(String username, String email, String displayName) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"displayName\":\"" + displayName + "\"}";
    }

    static String unique() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonObject register(String username) {
        Http.Reply created = Http.post(users, form(username, username + "@example.org", "Ada " + username), ADMIN);
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    @Test
    void publishesHealthMetricsAndItsOpenApiDocument() {
        PlatformEndpoints.assertServed("http://127.0.0.1:" + base.getPort(), "jvm_uptime_seconds", "/users/{id}");
    }

    @Test
    void registersAndReadsAUser() {
        String name = unique();
        Http.Reply created = Http.post(users, form(name, name + "@example.org", "Ada Lovelace"), ADMIN);

        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        assertTrue(created.header("Location").endsWith("/api/users/" + id), created::toString);
        assertNotNull(created.header("X-Request-Id"));

        JsonObject read = Http.get(users + "/" + id, ADMIN).json();
        assertEquals(name, read.getString("username"));
        assertEquals(name + "@example.org", read.getString("email"));
        assertEquals("Ada Lovelace", read.getString("displayName"));
        assertNotNull(read.getString("createdAt"));
    }

    @Test
    void listsUsersInPages() {
        register(unique());
        register(unique());

        Http.Reply page = Http.get(users + "?limit=1&offset=0", ADMIN);

        assertEquals(200, page.status(), page::toString);
        assertEquals(1, page.jsonArray().size());
        assertTrue(Long.parseLong(page.header("X-Total-Count")) >= 2);
    }

    @Test
    void updatesAndDeletesAUser() {
        String name = unique();
        String id = register(name).getString("id");

        Http.Reply updated = Http.put(users + "/" + id, form(name, name + "@example.org", "Renamed"), ADMIN);
        assertEquals(200, updated.status(), updated::toString);
        assertEquals("Renamed", Http.get(users + "/" + id, ADMIN).json().getString("displayName"));

        assertEquals(204, Http.delete(users + "/" + id, ADMIN).status());
        assertProblem(404, Http.get(users + "/" + id, ADMIN));
        assertProblem(404, Http.delete(users + "/" + id, ADMIN));
    }

    @Test
    void rejectsDuplicateUsernameOrEmailWith409() {
        String name = unique();
        register(name);

        assertProblem(409, Http.post(users, form(name, unique() + "@example.org", "Other"), ADMIN));
        assertProblem(409, Http.post(users, form(unique(), name + "@example.org", "Other"), ADMIN));
    }

    @Test
    void namesEveryInvalidField() {
        JsonObject problem = assertProblem(400, Http.post(users, form("has space", "not-an-email", ""), ADMIN));

        String errors = problem.getJsonArray("errors").toString();
        assertTrue(errors.contains("\"username\""), errors);
        assertTrue(errors.contains("\"email\""), errors);
        assertTrue(errors.contains("\"displayName\""), errors);
    }

    @Test
    void rejectsMissingBody() {
        assertProblem(400, Http.post(users, "", ADMIN));
    }

    @Test
    void rejectsMalformedJson() {
        assertProblem(400, Http.post(users, "{\"username\": ", ADMIN));
        assertProblem(400, Http.post(users, "[1,2,3]", ADMIN));
        assertProblem(400, Http.post(users, "{\"username\": {\"nested\": true}}", ADMIN));
    }

    @Test
    void rejectsWrongContentTypeWith415() {
        assertProblem(415, Http.send("POST", users, "username=x", "Content-Type", "text/plain",
                "Authorization", BEARER));
    }

    @Test
    void rejectsBadPagingParameters() {
        assertProblem(400, Http.get(users + "?limit=0", ADMIN));
        assertProblem(400, Http.get(users + "?limit=100000", ADMIN));
        assertProblem(400, Http.get(users + "?offset=-1", ADMIN));
        assertProblem(404, Http.get(users + "?limit=abc", ADMIN));
    }

    @Test
    void answersUnknownRoutesAndMethodsWithProblems() {
        assertProblem(404, Http.get(api + "/nothing-here", ADMIN));
        JsonObject notAllowed = assertProblem(405, Http.send("PATCH", users, "{}", "Content-Type", "application/json",
                "Authorization", BEARER));
        assertNotNull(notAllowed.getString("detail"));
    }

    @Test
    void echoesAWellFormedRequestIdInProblems() {
        Http.Reply reply = Http.get(users + "/unknown", "X-Request-Id", "trace-42", "Authorization", BEARER);

        assertEquals("trace-42", assertProblem(404, reply).getString("requestId"));
        assertEquals("trace-42", reply.header("X-Request-Id"));
    }
}
