package org.apigate.gateway.aggregate.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import org.apigate.gateway.aggregate.entity.BranchError;
import org.apigate.gateway.aggregate.entity.Outcome;
import org.apigate.gateway.aggregate.entity.Reason;
import org.apigate.gateway.exchange.BufferedReply;

import java.io.ByteArrayInputStream;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the services' answers into the parts of an overview. A 200 must carry the JSON the contract promises;
 * any other status is the branch's error, with the service's own {@code detail} when it answered a problem.
 */
final class BranchReplies {

    /** Looked up once: {@code Json.create…} looks the provider up (a ServiceLoader scan) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private BranchReplies() {
    }

    /** A JSON object, e.g. the user. */
    static Outcome<JsonObject> object(String service, Outcome<BufferedReply> reply) {
        return read(service, reply, JsonObject.class, "object");
    }

    /** A JSON array, e.g. the orders. */
    static Outcome<JsonArray> array(String service, Outcome<BufferedReply> reply) {
        return read(service, reply, JsonArray.class, "array");
    }

    /** The inventory's batch of items as {@code {"SKU": available, ...}}; entries without both are left out. */
    static Outcome<JsonObject> stock(String service, Outcome<BufferedReply> reply) {
        Outcome<JsonArray> items = array(service, reply);
        if (!items.succeeded()) {
            return items.asFailure();
        }
        JsonObjectBuilder stock = JSON.createObjectBuilder();
        for (JsonValue item : items.value()) {
            if (item instanceof JsonObject object && object.get("sku") instanceof JsonString sku
                    && object.get("available") instanceof JsonNumber available) {
                stock.add(sku.getString(), available);
            }
        }
        return Outcome.of(stock.build());
    }

    /** The distinct SKUs of every line of every order, sorted (so equal overviews make equal calls). */
    static SortedSet<String> skus(JsonArray orders) {
        SortedSet<String> skus = new TreeSet<>();
        for (JsonValue order : orders) {
            if (order instanceof JsonObject object && object.get("lines") instanceof JsonArray lines) {
                for (JsonValue line : lines) {
                    if (line instanceof JsonObject l && l.get("sku") instanceof JsonString sku) {
                        skus.add(sku.getString());
                    }
                }
            }
        }
        return skus;
    }

    private static <T extends JsonStructure> Outcome<T> read(String service, Outcome<BufferedReply> reply,
                                                            Class<T> type, String typeName) {
        if (!reply.succeeded()) {
            return reply.asFailure();
        }
        BufferedReply answer = reply.value();
        if (answer.status() != 200) {
            return Outcome.failed(statusError(service, answer));
        }
        JsonStructure json = parse(answer.bytes());
        if (type.isInstance(json)) {
            return Outcome.of(type.cast(json));
        }
        return Outcome.failed(new BranchError(service, Reason.INVALID_RESPONSE, 200,
                "The " + service + " service's answer is not the JSON " + typeName + " its API promises."));
    }

    private static BranchError statusError(String service, BufferedReply answer) {
        Reason reason = answer.status() == 503 ? Reason.UNAVAILABLE : Reason.UPSTREAM_STATUS;
        String detail = "The " + service + " service answered " + answer.status();
        if (parse(answer.bytes()) instanceof JsonObject problem && problem.get("detail") instanceof JsonString said) {
            detail += ": " + said.getString();
        }
        return new BranchError(service, reason, answer.status(), detail.endsWith(".") ? detail : detail + ".");
    }

    /** The body as JSON, or null when it is none. */
    private static JsonStructure parse(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.read();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
