package org.apigate.gateway.aggregate.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * Why one branch of a composition failed: the service by its configuration name ({@code user}, {@code order},
 * {@code inventory}), the {@link Reason}, the HTTP status the service answered (null when it gave no answer) and a
 * sentence for people.
 */
public record BranchError(String service, Reason reason, Integer status, String detail) {

    /** Looked up once: {@code Json.create…} looks the provider up (a ServiceLoader scan) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("service", service)
                .add("reason", reason.json());
        if (status != null) {
            json.add("status", status);
        }
        return json.add("detail", detail).build();
    }
}
