package org.apigate.gateway.target;

import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.exchange.RequestTarget.Parameter;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One parse, one truth: every request target is either refused (400 bad-target) or has one canonical form, which
 * parses back to exactly the segments and parameters the gateway judged, and which a service's reader (JAX-RS) decodes
 * to the same values. A table of known tricks, then random targets.
 */
class TargetParserTest {

    /** What a row expects: refused, or accepted with this canonical path and query (null: none). */
    record Expected(boolean isRefused, String path, String query) {

        static Expected refused() {
            return new Expected(true, null, null);
        }

        static Expected canonical(String path, String query) {
            return new Expected(false, path, query);
        }

        @Override
        public String toString() {
            return isRefused ? "400" : query == null ? path : path + "?" + query;
        }
    }

    static Arguments row(String what, String rawPath, String rawQuery, Expected expected) {
        return Arguments.of(Named.of(what + ": " + rawPath + (rawQuery == null ? "" : "?" + rawQuery), rawPath),
                rawQuery, expected);
    }

    static Expected refused() {
        return Expected.refused();
    }

    static Expected canonical(String path) {
        return Expected.canonical(path, null);
    }

    static Expected canonical(String path, String query) {
        return Expected.canonical(path, query);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                // fragments: never part of a request; an encoded # is just a character of a value
                row("fragment in path", "/api/users/alice#admin", null, refused()),
                row("fragment in query", "/api/orders", "userId=alice#&userId=bob", refused()),
                row("encoded # in path", "/api/users/a%23b", null, canonical("/api/users/a%23b")),
                row("encoded # in query", "/api/orders", "userId=a%23b", canonical("/api/orders", "userId=a%23b")),
                // repeated, empty and array parameters
                row("repeated parameter", "/api/orders", "userId=alice&userId=bob",
                        canonical("/api/orders", "userId=alice&userId=bob")),
                row("empty value and no value", "/api/orders", "a=&b", canonical("/api/orders", "a=&b")),
                row("empty pairs only", "/api/orders", "&&", canonical("/api/orders")),
                row("? alone", "/api/orders", "", canonical("/api/orders")),
                row("empty pairs around one", "/api/orders", "&userId=alice&",
                        canonical("/api/orders", "userId=alice")),
                row("empty name", "/api/orders", "=x", canonical("/api/orders", "=x")),
                row("array parameter", "/api/orders", "userId[]=x", canonical("/api/orders", "userId%5B%5D=x")),
                row("encoded array parameter", "/api/orders", "userId%5b%5d=x",
                        canonical("/api/orders", "userId%5B%5D=x")),
                row("= in a value", "/api/orders", "a=b=c", canonical("/api/orders", "a=b%3Dc")),
                row("encoded & in a value", "/api/orders", "a=%26userId%3Dbob",
                        canonical("/api/orders", "a=%26userId%3Dbob")),
                row("/ and ? in a value", "/api/orders", "next=/a?b", canonical("/api/orders", "next=/a?b")),
                // matrix (path) parameters: read differently by servlet containers and JAX-RS
                row("matrix parameter", "/api/users/alice;v=1", null, refused()),
                row("matrix parameter mid-path", "/api/users;x=1/bob", null, refused()),
                row("; in query", "/api/orders", "userId=alice;userId=bob", refused()),
                row("encoded ; in path", "/api/users/alice%3Bv=1", null, canonical("/api/users/alice%3Bv=1")),
                // encoded slashes and backslashes
                row("encoded slash", "/api/users/alice%2F..%2Fbob", null, refused()),
                row("encoded slash lower case", "/api/users/a%2fb", null, refused()),
                row("encoded backslash", "/api/users/a%5Cb", null, refused()),
                row("encoded backslash lower case", "/api/users/a%5cb", null, refused()),
                row("raw backslash", "/api/users/a\\b", null, refused()),
                row("encoded slash in query", "/api/orders", "userId=a%2Fb", canonical("/api/orders", "userId=a/b")),
                // dot segments, raw or encoded, and empty segments
                row("encoded dot", "/api/users/%2e", null, refused()),
                row("encoded dot-dot", "/api/users/%2E%2E", null, refused()),
                row("half-encoded dot-dot", "/api/users/.%2e/admin", null, refused()),
                row("overlong UTF-8 dot", "/api/users/%C0%AE%C0%AE", null, refused()),
                row("raw dot", "/api/./users", null, refused()),
                row("raw dot-dot", "/api/users/../admin", null, refused()),
                row("trailing dot-dot", "/api/users/alice/..", null, refused()),
                row("three dots are a name", "/api/users/%2e%2e%2e", null, canonical("/api/users/...")),
                row("encoded dot inside a name", "/api/users/a%2Eb", null, canonical("/api/users/a.b")),
                row("leading //", "//api/users", null, refused()),
                row("inner //", "/api//users", null, refused()),
                row("trailing /", "/api/users/", null, canonical("/api/users/")),
                row("root", "/", null, canonical("/")),
                // percent-encoding: case, over-encoding, malformed
                row("lower-case escape", "/api/users/%2a", null, canonical("/api/users/*")),
                row("upper-case escape", "/api/users/%2A", null, canonical("/api/users/*")),
                row("lower-case UTF-8", "/api/users/caf%c3%a9", null, canonical("/api/users/caf%C3%A9")),
                row("lower-case UTF-8 in query", "/api/orders", "q=caf%c3%a9", canonical("/api/orders", "q=caf%C3%A9")),
                row("over-encoded letter", "/api/users/%61lice", null, canonical("/api/users/alice")),
                row("over-encoded name", "/api/orders", "%75serId=%61lice", canonical("/api/orders", "userId=alice")),
                row("encoded %", "/api/users/100%25", null, canonical("/api/users/100%25")),
                row("lone %", "/api/users/%", null, refused()),
                row("% and one digit", "/api/users/a%4", null, refused()),
                row("% and no hex", "/api/users/%zz", null, refused()),
                row("% before an escape", "/api/users/%%32%46", null, refused()),
                row("lone % in query", "/api/orders", "userId=%", refused()),
                row("bad hex in query", "/api/orders", "userId=%g1", refused()),
                // not UTF-8
                row("truncated UTF-8", "/api/users/%C3%28", null, refused()),
                row("byte never in UTF-8", "/api/users/%FF", null, refused()),
                row("encoded surrogate", "/api/users/%ED%A0%80", null, refused()),
                row("truncated UTF-8 in query", "/api/orders", "userId=%C3%28", refused()),
                row("four-byte UTF-8", "/api/users/%F0%9F%98%80", null, canonical("/api/users/%F0%9F%98%80")),
                // control characters, encoded or raw
                row("encoded NUL", "/api/users/alice%00", null, refused()),
                row("encoded LF", "/api/users/a%0Ab", null, refused()),
                row("encoded CRLF in query", "/api/orders", "userId=a%0D%0Ab", refused()),
                row("encoded DEL", "/api/users/%7F", null, refused()),
                row("raw tab", "/api/users/a\tb", null, refused()),
                row("raw DEL", "/api/users/a\u007fb", null, refused()),
                row("raw LF in query", "/api/orders", "userId=a\nb", refused()),
                // raw characters a URI may not carry
                row("raw non-ASCII", "/api/users/caf\u00e9", null, refused()),
                row("raw non-ASCII in query", "/api/orders", "q=caf\u00e9", refused()),
                row("raw <", "/api/users/<script>", null, refused()),
                row("raw space", "/api/users/a b", null, refused()),
                row("raw space in query", "/api/orders", "q=a b", refused()),
                row("raw \"", "/api/orders", "q=\"", refused()),
                // + is a plus in a path, a space in a query
                row("+ in path", "/api/users/a+b", null, canonical("/api/users/a+b")),
                row("+ in query", "/api/orders", "q=a+b", canonical("/api/orders", "q=a%20b")),
                row("encoded + in query", "/api/orders", "q=a%2Bb", canonical("/api/orders", "q=a%2Bb")),
                row("encoded space in path", "/api/users/a%20b", null, canonical("/api/users/a%20b")),
                row("encoded ? in path", "/api/users/a%3Fb", null, canonical("/api/users/a%3Fb")),
                // not a path at all
                row("relative path", "api/users", null, refused()),
                row("asterisk form", "*", null, refused()),
                row("empty path", "", null, refused()));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("corpus")
    void eachTargetIsRefusedOrHasOneCanonicalFormThatEveryReaderAgreesOn(String rawPath, String rawQuery,
                                                                          Expected expected) {
        if (expected.isRefused()) {
            assertRefused(rawPath, rawQuery);
            return;
        }
        RequestTarget judged = TargetParser.parse(rawPath, rawQuery);
        assertEquals(expected.path(), judged.path(), "canonical path");
        assertEquals(expected.query(), judged.query(), "canonical query");
        assertForwardedAsJudged(judged);
    }

    @Test
    void anEncodedHashIsAValueCharacterAndStaysEncoded() {
        RequestTarget target = TargetParser.parse("/api/users/a%23b", "userId=c%23d");

        assertEquals(List.of("api", "users", "a#b"), target.segments());
        assertEquals(List.of("c#d"), target.parameter("userId"));
        assertEquals("/api/users/a%23b?userId=c%23d", target.toString());
    }

    @Test
    void anArrayParameterIsNotThePlainParameter() {
        RequestTarget target = TargetParser.parse("/api/orders", "userId[]=bob&userId=alice");

        assertEquals(List.of("alice"), target.parameter("userId"));
        assertEquals(List.of("bob"), target.parameter("userId[]"));
    }

    @Test
    void plusIsAPlusInAPathAndASpaceInAQuery() {
        RequestTarget target = TargetParser.parse("/api/users/a+b", "q=a+b&r=a%2Bb");

        assertEquals("a+b", target.segment(2));
        assertEquals(List.of("a b"), target.parameter("q"));
        assertEquals(List.of("a+b"), target.parameter("r"));
    }

    @Test
    void emptyParametersAreKeptApartFromMissingOnes() {
        RequestTarget target = TargetParser.parse("/api/orders", "a=&b&&c=1");

        assertEquals(List.of(new Parameter("a", ""), new Parameter("b", null), new Parameter("c", "1")),
                target.parameters());
        assertNull(TargetParser.parse("/api/orders", "").query(), "? alone is no query");
    }

    @Test
    void mixedCaseEscapesDecodeToTheSameValue() {
        assertEquals(TargetParser.parse("/api/users/%c3%a9%2a", "q=%c3%a9"),
                TargetParser.parse("/api/users/%C3%A9%2A", "q=%C3%A9"));
    }

    @Test
    void randomTargetsAreRefusedOrRoundTripExactly() {
        long seed = 20_260_101L;
        Random random = new Random(seed);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            String rawPath = "/" + randomText(random);
            String rawQuery = random.nextInt(4) == 0 ? null : randomText(random);
            String what = "seed " + seed + ", #" + i + ": path '" + rawPath + "', query '" + rawQuery + "'";
            RequestTarget judged;
            try {
                judged = TargetParser.parse(rawPath, rawQuery);
            } catch (ProblemException e) {
                assertEquals(400, e.problem().status(), what);
                assertTrue(e.problem().type().endsWith("bad-target"), what);
                refused++;
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError(what + " failed with " + e, e);
            }
            accepted++;
            try {
                assertForwardedAsJudged(judged);
            } catch (AssertionError e) {
                throw new AssertionError(what + ": " + e.getMessage(), e);
            }
        }
        assertTrue(accepted > 2_000 && refused > 2_000, "both outcomes exercised: " + accepted + "/" + refused);
    }

    /**
     * The canonical form is what the gateway forwards: it must be a valid URI, parse back to exactly what was judged
     * (and be its own canonical form), and a JAX-RS service must read the same segments and parameters from it.
     */
    static void assertForwardedAsJudged(RequestTarget judged) {
        String path = judged.path();
        String query = judged.query();

        RequestTarget again = TargetParser.parse(path, query);
        assertEquals(judged, again, "the canonical form parses back to the same segments and parameters");
        assertEquals(path, again.path(), "the canonical path is its own canonical form");
        assertEquals(query, again.query(), "the canonical query is its own canonical form");

        assertEquals(judged.segments(), jaxRsSegments(path), "what a service reads from the path");
        assertEquals(asRead(judged.parameters()), jaxRsParameters(query), "what a service reads from the query");

        try {
            URI uri = new URI("http://instance:8080" + judged);
            assertEquals(path, uri.getRawPath());
            assertEquals(query, uri.getRawQuery());
        } catch (URISyntaxException e) {
            fail("the canonical form is not a valid URI: " + judged + " (" + e.getMessage() + ")");
        }
    }

    static void assertRefused(String rawPath, String rawQuery) {
        ProblemException e = assertThrows(ProblemException.class, () -> TargetParser.parse(rawPath, rawQuery),
                () -> "accepted as " + TargetParser.parse(rawPath, rawQuery));
        assertEquals(400, e.problem().status());
        assertTrue(e.problem().type().endsWith("bad-target"), e.problem().type());
    }

    /** How JAX-RS (Jersey's UriComponent) reads a path: split at '/' first, then each segment decoded, '+' kept. */
    static List<String> jaxRsSegments(String rawPath) {
        return Arrays.stream(rawPath.substring(1).split("/", -1))
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    /** How {@code @QueryParam} reads a query: pairs split at '&', name and value form-decoded ('+' a space). */
    static List<Parameter> jaxRsParameters(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.add(new Parameter(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return parameters;
    }

    /** A parameter without '=' is read as the empty value. */
    static List<Parameter> asRead(List<Parameter> parameters) {
        return parameters.stream().map(p -> new Parameter(p.name(), p.value() == null ? "" : p.value())).toList();
    }

    /** Pieces that make targets interesting: delimiters, escapes good and bad, dots, controls, non-ASCII. */
    private static final String[] PIECES = {"a", "Z", "0", "-", "_", "~", ".", "..", "/", "//", "%", "%2", "%2F",
        "%2f", "%5C", "%5c", "%2e", "%2E", "%25", "%41", "%61", "%7e", "%C3%A9", "%c3%a9", "%C3", "%A9", "%C3%28",
        "%C0%AE", "%ED%A0%80", "%F0%9F%98%80", "%E2%82%AC", "%00", "%0A", "%0d", "%7F", "%FF", "%zz", "%C2%85", "+",
        "%2B", "%20", ";", "%3B", "#", "%23", "?", "%3F", "&", "%26", "=", "%3D", "[]", "%5B%5D", " ", "\t", "\u00e9",
        "\\", "\"", "<", ">", "|", "^", "`", "{", "}", "!", "$", "'", "(", ")", "*", ",", ":", "@"};
    /** Pieces of targets a client may well send: names, delimiters and escapes the gateway accepts. */
    private static final String[] FAIR = {"a", "Z", "0", "-", "_", "~", ".", "/", "%25", "%41", "%61", "%7e",
        "%C3%A9", "%c3%a9", "%F0%9F%98%80", "%E2%82%AC", "%C2%85", "+", "%2B", "%20", "%3B", "%23", "?", "%3F", "&",
        "%26", "=", "%3D", "[]", "%5B%5D", "!", "$", "'", "(", ")", "*", ",", ":", "@"};

    /**
     * Up to 8 pieces. Half the targets are fair: known good pieces and escapes of printable characters; the others
     * hostile: any piece, single ASCII characters (controls included), escapes of any byte in either case.
     */
    private static String randomText(Random random) {
        boolean fair = random.nextBoolean();
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(9);
        for (int p = 0; p < pieces; p++) {
            if (fair) {
                if (random.nextInt(4) == 0) {
                    int printable = 0x20 + random.nextInt(0x5f);
                    text.append('%').append(String.format(random.nextBoolean() ? "%02X" : "%02x", printable));
                } else {
                    text.append(FAIR[random.nextInt(FAIR.length)]);
                }
                continue;
            }
            switch (random.nextInt(4)) {
                case 0, 1 -> text.append(PIECES[random.nextInt(PIECES.length)]);
                case 2 -> text.append((char) random.nextInt(0x80));
                default -> text.append('%').append(hexDigit(random)).append(hexDigit(random));
            }
        }
        return text.toString();
    }

    private static char hexDigit(Random random) {
        return "0123456789abcdefABCDEF".charAt(random.nextInt(22));
    }
}
