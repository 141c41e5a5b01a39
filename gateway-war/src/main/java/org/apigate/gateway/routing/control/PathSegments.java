package org.apigate.gateway.routing.control;

import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoding of a request's path and query for decisions. The path is split at its literal slashes first and each
 * segment decoded after, so an encoded slash ({@code %2F}) stays inside its segment: what is judged is exactly what
 * is forwarded. A malformed percent-encoding is the client's error: 400.
 */
public final class PathSegments {

    private PathSegments() {
    }

    /** {@code /api/users/a%20b} → {@code [api, users, a b]}; a trailing slash gives a last, empty segment. */
    public static List<String> of(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : raw(rawPath)) {
            // a path's '+' is a plus, not a space as in forms
            segments.add(decode(segment.replace("+", "%2B")));
        }
        return segments;
    }

    /** The segments as sent, still encoded: {@code /api/users/a%20b} → {@code [api, users, a%20b]}. */
    public static List<String> raw(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return List.of(path.split("/", -1));
    }

    /** Whether a segment is {@code .} or {@code ..}, which a server may resolve to a different resource. */
    public static boolean hasDotSegment(String rawPath) {
        return of(rawPath).stream().anyMatch(s -> s.equals(".") || s.equals(".."));
    }

    /** The query's parameters, decoded, in order; null gives none. */
    public static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(400, "Bad Request",
                    "The path or query has a malformed percent-encoding."));
        }
    }
}
