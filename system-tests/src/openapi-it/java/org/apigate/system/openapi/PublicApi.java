package org.apigate.system.openapi;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the gateway's static description of the services ({@code gateway-war/.../META-INF/openapi.json}) from
 * the services' own documents: each service path under a shipped route's upstream prefix, at its public path, marked
 * with the service and the service's path (which the gateway checks against the routes configured when it builds
 * its document); the services' tags and components, which must not clash. Run by {@link OpenApiSystemIT}, which
 * fails when the committed file differs from what the services serve now.
 */
final class PublicApi {

    /** The routes the gateway ships with (its microprofile-config.properties): name, public prefix, upstream prefix. */
    record ShippedRoute(String service, String prefix, String upstreamPrefix) {
    }

    static final List<ShippedRoute> SHIPPED = List.of(new ShippedRoute("user", "/api/users", "/api/users"),
            new ShippedRoute("order", "/api/orders", "/api/orders"),
            new ShippedRoute("inventory", "/api/inventory", "/api"));

    private PublicApi() {
    }

    /** @param documents each service's served document, by service name */
    static JsonObject derive(Map<String, JsonObject> documents) {
        JsonObjectBuilder paths = Json.createObjectBuilder();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        Map<String, Map<String, JsonValue>> components = new LinkedHashMap<>();
        for (ShippedRoute route : SHIPPED) {
            JsonObject document = documents.get(route.service());
            document.getJsonObject("paths").forEach((path, item) -> {
                if (path.equals(route.upstreamPrefix()) || path.startsWith(route.upstreamPrefix() + "/")) {
                    paths.add(route.prefix() + path.substring(route.upstreamPrefix().length()),
                            Json.createObjectBuilder(item.asJsonObject()).add("x-apigate-service", route.service())
                                    .add("x-apigate-upstream-path", path));
                }
            });
            document.getJsonArray("tags").forEach(tag -> tags.putIfAbsent(tag.asJsonObject().getString("name"),
                    tag.asJsonObject()));
            document.getJsonObject("components").forEach((kind, entries) -> entries.asJsonObject()
                    .forEach((name, value) -> merge(components.computeIfAbsent(kind, k -> new LinkedHashMap<>()),
                            kind + "." + name, name, value)));
        }
        JsonObjectBuilder componentsJson = Json.createObjectBuilder();
        components.forEach((kind, entries) -> componentsJson.add(kind, Json.createObjectBuilder(entries)));
        return Json.createObjectBuilder()
                .add("openapi", "3.0.0")
                .add("info", Json.createObjectBuilder().add("title", "apigate").add("version", "1.0"))
                .add("tags", Json.createArrayBuilder(List.copyOf(tags.values())))
                .add("paths", paths)
                .add("components", componentsJson)
                .build();
    }

    private static void merge(Map<String, JsonValue> entries, String what, String name, JsonValue value) {
        JsonValue earlier = entries.putIfAbsent(name, value);
        if (earlier != null && !earlier.equals(value)) {
            throw new IllegalStateException("Two services define " + what + " differently: give one another name");
        }
    }
}
