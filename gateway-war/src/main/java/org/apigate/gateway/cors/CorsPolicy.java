package org.apigate.gateway.cors;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configured CORS policy. {@code *} as an origin allows any origin; with credentials allowed the actual origin
 * is echoed instead (the Fetch standard forbids {@code *} with credentials).
 */
record CorsPolicy(Set<String> origins, List<String> methods, List<String> headers, List<String> exposed,
                  long maxAgeSeconds, boolean credentials) {

    static final CorsPolicy OFF = new CorsPolicy(Set.of(), List.of(), List.of(), List.of(), 0, false);

    boolean enabled() {
        return !origins.isEmpty();
    }

    boolean allows(String origin) {
        return origin != null && (origins.contains("*") || origins.contains(origin.toLowerCase(Locale.ROOT)));
    }

    /** The value of {@code Access-Control-Allow-Origin} for an allowed {@code origin}. */
    String allowOrigin(String origin) {
        return origins.contains("*") && !credentials ? "*" : origin;
    }
}
