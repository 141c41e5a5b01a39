package org.apigate.common.auth;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A claim as parsed by nimbus (strings, Long or Double numbers, booleans, lists, maps; dates for the registered time
 * claims) in the types MicroProfile JWT promises: {@code Long} seconds for times, {@code Set<String>} for
 * {@code aud} and {@code groups}, {@code String} for the other string claims of the specification, and JSON-P values
 * ({@code JsonString}, {@code JsonNumber}, {@code JsonArray}, {@code JsonObject}, ...) for every custom claim.
 */
final class ClaimValues {

    private ClaimValues() {
    }

    static Long seconds(Object value) {
        if (value instanceof Date date) {
            return date.getTime() / 1000;
        }
        return value instanceof Number number ? number.longValue() : null;
    }

    static Set<String> strings(Object value) {
        if (value instanceof String single) {
            return Set.of(single);
        }
        if (value instanceof List<?> list) {
            Set<String> strings = new LinkedHashSet<>();
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(strings::add);
            return strings;
        }
        return null;
    }

    static JsonObject object(Object value) {
        return json(value) instanceof JsonObject object ? object : null;
    }

    static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String string) {
            return Json.createValue(string);
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Date date) {
            return Json.createValue(date.getTime() / 1000);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return Json.createValue(number.doubleValue());
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(element -> array.add(json(element)));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((key, element) -> object.add(String.valueOf(key), json(element)));
            return object.build();
        }
        return Json.createValue(value.toString());
    }
}
