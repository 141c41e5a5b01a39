package org.apigate.gateway.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the configuration keys of routes and services as an operator writes them ({@code gateway.routes},
 * {@code gateway.route.<name>.*}, {@code gateway.service.<service>.urls}), for a deployment or a live change.
 */
public final class RouteConfig {

    private final List<String> names = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    public static RouteConfig routes() {
        return new RouteConfig();
    }

    /**
     * Adds a route, in order of precedence.
     *
     * @param settings further keys of the route and their values, in pairs: {@code "methods", "GET,POST", ...}
     */
    public RouteConfig route(String name, String path, String service, String... settings) {
        names.add(name);
        set("gateway.route." + name + ".path", path);
        if (service != null) {
            set("gateway.route." + name + ".service", service);
        }
        for (int i = 0; i < settings.length; i += 2) {
            set("gateway.route." + name + "." + settings[i], settings[i + 1]);
        }
        return this;
    }

    /** Sets a service's instances: {@code gateway.service.<service>.urls}. */
    public RouteConfig service(String service, String urls) {
        return set("gateway.service." + service + ".urls", urls);
    }

    public RouteConfig set(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** The keys, {@code gateway.routes} first. */
    public Map<String, String> toMap() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("gateway.routes", String.join(",", names));
        all.putAll(values);
        return all;
    }
}
