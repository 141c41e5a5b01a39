package org.apigate.testing;

import jakarta.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions for RFC 9457 problem responses: the status, the media type, the members, and no internals. */
public final class Problems {

    private Problems() {
    }

    /** A 401 for a request without token: the {@code Bearer} challenge without an error. */
    public static JsonObject assertMissingToken(Http.Reply reply) {
        JsonObject problem = assertProblem(401, reply);
        assertEquals("Bearer", reply.header("WWW-Authenticate"), reply::toString);
        return problem;
    }

    /** A 401 for a refused token: {@code WWW-Authenticate: Bearer error="invalid_token"}. */
    public static JsonObject assertInvalidToken(Http.Reply reply) {
        JsonObject problem = assertProblem(401, reply);
        assertEquals("Bearer error=\"invalid_token\"", reply.header("WWW-Authenticate"), reply::toString);
        assertEquals("https://apigate.org/problems/invalid-token", problem.getString("type"), reply::toString);
        return problem;
    }

    public static JsonObject assertProblem(int status, Http.Reply reply) {
        assertEquals(status, reply.status(), () -> "unexpected response: " + reply);
        assertNotNull(reply.contentType(), () -> "no content type: " + reply);
        assertTrue(reply.contentType().startsWith("application/problem+json"), () -> "not a problem: " + reply);
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "),
                () -> "internals leaked: " + reply.body());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertNotNull(problem.getString("type", null), "type");
        assertNotNull(problem.getString("title", null), "title");
        assertNotNull(problem.getString("requestId", null), "requestId");
        return problem;
    }
}
