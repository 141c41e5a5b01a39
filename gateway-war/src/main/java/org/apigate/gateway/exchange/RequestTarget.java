package org.apigate.gateway.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A request target in its one canonical form: the path's segments and the query's parameters, decoded. Access rules
 * judge these values and the upstream request is built from {@link #path()} and {@link #query()}, their canonical
 * encoding, so what is judged is exactly what is forwarded: a service decoding the forwarded target gets the same
 * segments and parameters back.
 *
 * @param segments the path's segments, decoded; {@code /api/users/} gives {@code [api, users, ""]}
 * @param parameters the query's parameters in order, decoded; a parameter without {@code =} has a null value
 */
public record RequestTarget(List<String> segments, List<Parameter> parameters) {

    /** One {@code name=value} of the query. */
    public record Parameter(String name, String value) {
    }

    public RequestTarget {
        segments = List.copyOf(segments);
        parameters = List.copyOf(parameters);
    }

    /** The canonical encoding of the path, e.g. {@code /api/users/a%20b}. */
    public String path() {
        return path(segments);
    }

    /** The canonical encoding of some segments as a path. */
    public static String path(List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            PercentEncoding.appendSegment(path.append('/'), segment);
        }
        return path.toString();
    }

    /** The canonical encoding of the query without {@code ?}, or null when there is none. */
    public String query() {
        if (parameters.isEmpty()) {
            return null;
        }
        StringBuilder encoded = new StringBuilder();
        for (Parameter parameter : parameters) {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            PercentEncoding.appendQueryPart(encoded, parameter.name());
            if (parameter.value() != null) {
                PercentEncoding.appendQueryPart(encoded.append('='), parameter.value());
            }
        }
        return encoded.toString();
    }

    /** Every value of the query parameter {@code name}, in order ({@code ""} for one without {@code =}). */
    public List<String> parameter(String name) {
        List<String> values = new ArrayList<>(1);
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                values.add(parameter.value() == null ? "" : parameter.value());
            }
        }
        return values;
    }

    /** The segment at {@code index}, or null beyond the last. */
    public String segment(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }

    public int size() {
        return segments.size();
    }

    /** Whether the path begins with the segments {@code prefix} (whole segments: {@code /api/usersx} is not {@code /api/users}). */
    public boolean startsWith(List<String> prefix) {
        return segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix);
    }

    /** The same target with {@code prefix} (which it starts with) replaced by {@code replacement}. */
    public RequestTarget replacePrefix(List<String> prefix, List<String> replacement) {
        List<String> replaced = new ArrayList<>(replacement);
        replaced.addAll(segments.subList(prefix.size(), segments.size()));
        return new RequestTarget(replaced, parameters);
    }

    @Override
    public String toString() {
        String query = query();
        return query == null ? path() : path() + "?" + query;
    }
}
