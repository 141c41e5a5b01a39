package org.apigate.gateway.access.control;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.Caller;

import java.io.ByteArrayInputStream;
import java.util.Map;

/** Whether a new order's body ({@code {"userId": ..., "lines": [...]}}) is for the caller itself. */
final class OrderBodies {

    /** Duplicate keys are refused: the order service must not read another {@code userId} than the one checked. */
    private static final JsonReaderFactory STRICT_JSON =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private OrderBodies() {
    }

    /** @throws ProblemException 400 when the body is not a JSON object (nothing can be checked then) */
    static boolean namesCaller(byte[] body, Caller caller) {
        try (JsonReader reader = STRICT_JSON.createReader(new ByteArrayInputStream(body))) {
            JsonStructure order = reader.read();
            if (!(order instanceof JsonObject object)) {
                throw malformed();
            }
            return object.get("userId") instanceof JsonString userId && caller.is(userId.getString());
        } catch (RuntimeException e) {
            // JsonException for broken JSON; Parsson refuses nesting deeper than 1,000 levels with a plain
            // RuntimeException ("Input is too deeply nested"): either way the client's body, not a server fault
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw malformed();
        }
    }

    private static ProblemException malformed() {
        return new ProblemException(Problem.typed(400, "malformed-json", "Malformed JSON",
                "A new order must be a JSON object with the caller's userId."));
    }
}
