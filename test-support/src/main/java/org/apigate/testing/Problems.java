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
