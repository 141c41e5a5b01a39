package org.apigate.gateway.proxy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which headers cross the gateway (RFC 9110 §7.6.1): end-to-end ones do; hop-by-hop ones describe one connection
 * and stop here, and so does every header the {@code Connection} header names. Host and Content-Length are set again
 * for the next hop (by the HTTP client upstream, by the container downstream); Expect too: the gateway answers
 * {@code 100-continue} itself, so the service never sees it.
 */
public final class Headers {

    private static final Set<String> HOP_BY_HOP = caseInsensitive(List.of("Connection", "Keep-Alive",
            "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding",
            "Upgrade", "Host", "Content-Length", "Expect"));

    private Headers() {
    }

    /** A new case-insensitive map with the end-to-end headers only, also without {@code dropped}. */
    public static Map<String, List<String>> endToEnd(Map<String, List<String>> headers, Collection<String> dropped) {
        Set<String> excluded = caseInsensitive(dropped);
        headers.forEach((name, values) -> {
            if ("Connection".equalsIgnoreCase(name)) {
                values.forEach(value -> excluded.addAll(tokens(value)));
            }
        });
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && !HOP_BY_HOP.contains(name) && !excluded.contains(name)) {
                kept.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        return kept;
    }

    /** The comma-separated elements of a header value, e.g. {@code close, X-Trace}. */
    static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>();
        for (String token : value.split(",")) {
            if (!token.isBlank()) {
                tokens.add(token.trim());
            }
        }
        return tokens;
    }

    private static Set<String> caseInsensitive(Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
