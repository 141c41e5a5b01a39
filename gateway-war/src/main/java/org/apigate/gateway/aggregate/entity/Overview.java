package org.apigate.gateway.aggregate.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.List;

/**
 * {@code GET /api/users/{id}/overview}: the user, the user's orders and the available stock of every SKU in them.
 * A part that could not be fetched is null and {@code errors} says why; the overview is complete when none is.
 */
public record Overview(JsonObject user, JsonArray orders, JsonObject stock, List<BranchError> errors) {

    /** Looked up once: {@code Json.create…} looks the provider up (a ServiceLoader scan) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public Overview {
        errors = List.copyOf(errors);
    }

    public boolean complete() {
        return errors.isEmpty();
    }

    public JsonObject toJson() {
        JsonArrayBuilder errorList = JSON.createArrayBuilder();
        errors.forEach(error -> errorList.add(error.toJson()));
        return JSON.createObjectBuilder()
                .add("user", orNull(user))
                .add("orders", orNull(orders))
                .add("stock", orNull(stock))
                .add("complete", complete())
                .add("errors", errorList)
                .build();
    }

    private static JsonValue orNull(JsonValue part) {
        return part == null ? JsonValue.NULL : part;
    }
}
