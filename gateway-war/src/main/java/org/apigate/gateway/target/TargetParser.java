package org.apigate.gateway.target;

import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.RequestTarget;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses a raw request target into its canonical form, or refuses it: see the package documentation. */
public final class TargetParser {

    private TargetParser() {
    }

    /**
     * @param rawPath  the path as sent, still percent-encoded, e.g. {@code /api/users/a%20b}
     * @param rawQuery the query as sent without {@code ?}, or null
     * @throws ProblemException 400 naming what cannot be forwarded as judged
     */
    public static RequestTarget parse(String rawPath, String rawQuery) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw refused("The path must begin with /.");
        }
        return new RequestTarget(segments(rawPath), rawQuery == null ? List.of() : parameters(rawQuery));
    }

    private static List<String> segments(String rawPath) {
        checkCharacters(rawPath, "path");
        if (rawPath.indexOf(';') >= 0) {
            throw refused("The path must not contain ';' (path parameters are read differently by different servers).");
        }
        String[] raw = rawPath.substring(1).split("/", -1);
        List<String> segments = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            String segment = decode(raw[i], false);
            boolean last = i == raw.length - 1;
            if (segment.isEmpty() && !last) {
                throw refused("The path must not contain empty segments (//).");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw refused("The path must not contain . or .. segments.");
            }
            if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0) {
                throw refused("The path must not contain encoded slashes or backslashes (%2F, %5C).");
            }
            segments.add(segment);
        }
        return segments;
    }

    private static List<RequestTarget.Parameter> parameters(String rawQuery) {
        checkCharacters(rawQuery, "query");
        if (rawQuery.indexOf(';') >= 0) {
            throw refused("The query must not contain ';' (some servers read it as a separator): encode it as %3B.");
        }
        List<RequestTarget.Parameter> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? null : decode(pair.substring(eq + 1), true);
            parameters.add(new RequestTarget.Parameter(name, value));
        }
        return parameters;
    }

    /** Only the characters RFC 3986 allows in a path or query, unencoded; a '#' starts a fragment, never sent. */
    private static void checkCharacters(String raw, String part) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '#') {
                throw refused("The " + part + " must not contain '#': a fragment is not part of a request.");
            }
            if (c <= ' ' || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                throw refused("The " + part + " contains a character that must be percent-encoded.");
            }
        }
    }

    /**
     * Strict percent-decoding to UTF-8. In a query, {@code +} is a space as form readers (JAX-RS {@code @QueryParam})
     * take it; in a path it is a plus. Control characters, encoded or not, are refused.
     */
    private static String decode(String raw, boolean query) {
        if (raw.indexOf('%') < 0 && !(query && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw refused("The target has a malformed percent-encoding.");
                }
                int b = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
                if (b < 0x20 || b == 0x7f) {
                    throw refused("The target must not contain control characters.");
                }
                bytes.write(b);
                i += 2;
            } else {
                bytes.write(query && c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw refused("The target's percent-encoding is not UTF-8.");
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(Problem.typed(400, "bad-target", "Bad Request", detail));
    }
}
