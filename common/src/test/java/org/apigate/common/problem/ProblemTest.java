package org.apigate.common.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProblemTest {

    @Test
    void rendersTheRfc9457MembersTheRequestIdAndExtensions() {
        JsonObject json = Problem.typed(409, "out-of-stock", "Out of stock", "Not enough of A-1.")
                .with("shortSkus", Json.createArrayBuilder().add("A-1").build())
                .toJson("req-1");

        assertEquals("https://apigate.org/problems/out-of-stock", json.getString("type"));
        assertEquals("Out of stock", json.getString("title"));
        assertEquals(409, json.getInt("status"));
        assertEquals("Not enough of A-1.", json.getString("detail"));
        assertEquals("req-1", json.getString("requestId"));
        assertEquals("A-1", json.getJsonArray("shortSkus").getString(0));
    }

    @Test
    void derivesTypeAndTitleFromTheStatus() {
        JsonObject json = Problem.of(Response.Status.NOT_FOUND, "No user 7.").toJson(null);

        assertEquals("https://apigate.org/problems/not-found", json.getString("type"));
        assertEquals("Not Found", json.getString("title"));
        assertFalse(json.containsKey("requestId"));
    }
}
