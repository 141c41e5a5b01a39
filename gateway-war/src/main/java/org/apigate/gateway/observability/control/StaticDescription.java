package org.apigate.gateway.observability.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the WAR's static {@code META-INF/openapi.json} says each of its paths stands for: the service and that
 * service's own path ({@value ForwardedPaths#SERVICE}, {@value ForwardedPaths#UPSTREAM_PATH} of each path item).
 * Read from the file itself: Payara's model of the file does not keep a path item's extensions.
 */
final class StaticDescription {

    static final String RESOURCE = "META-INF/openapi.json";

    /** A described path: forwarded to {@code service} as {@code upstreamPath}. */
    record Marker(String service, String upstreamPath) {
    }

    private StaticDescription() {
    }

    static Map<String, Marker> markers(ClassLoader classes) {
        Map<String, Marker> markers = new LinkedHashMap<>();
        try (InputStream in = classes.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return markers;
            }
            try (JsonReader reader = Json.createReader(in)) {
                reader.readObject().getJsonObject("paths").forEach((path, item) -> {
                    JsonObject members = item.asJsonObject();
                    if (members.containsKey(ForwardedPaths.SERVICE)) {
                        markers.put(path, new Marker(members.getString(ForwardedPaths.SERVICE),
                                members.getString(ForwardedPaths.UPSTREAM_PATH)));
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return markers;
    }
}
