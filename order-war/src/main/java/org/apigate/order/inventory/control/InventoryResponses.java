package org.apigate.order.inventory.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.io.StringReader;

/**
 * Turns inventory's error responses into exceptions: a 409 problem with {@code shortSkus} is out of stock, a 409 of
 * type {@code reservation-released} says the id was released before; anything else is an error without business
 * meaning. The body is read as text because problem+json is not a media type every JSON reader claims.
 */
public class InventoryResponses implements ResponseExceptionMapper<RuntimeException> {

    static final String SHORT_SKUS = "shortSkus";
    static final String RELEASED_TYPE = "reservation-released";

    @Override
    public RuntimeException toThrowable(Response response) {
        String body = response.getStatus() == Response.Status.CONFLICT.getStatusCode() && response.hasEntity()
                ? response.readEntity(String.class) : "";
        return forStatus(response.getStatus(), body);
    }

    static RuntimeException forStatus(int status, String body) {
        if (status == Response.Status.CONFLICT.getStatusCode()) {
            JsonObject problem = parse(body);
            JsonValue shortSkus = problem.get(SHORT_SKUS);
            if (shortSkus != null && shortSkus.getValueType() == JsonValue.ValueType.ARRAY) {
                return new OutOfStockException(shortSkus.asJsonArray().getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList());
            }
            if (problem.getString("type", "").endsWith(RELEASED_TYPE)) {
                return new ReservationReleasedException(problem.getString("detail", "reservation released"));
            }
        }
        return new InventoryErrorException(status);
    }

    private static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException notAProblem) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
