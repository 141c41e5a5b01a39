package org.apigate.gateway.exchange;

import org.apigate.gateway.exchange.RequestTarget.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical target: its encoding, its segment-wise prefix tests and replacement, its parameters. */
class RequestTargetTest {

    static RequestTarget target(List<String> segments, Parameter... parameters) {
        return new RequestTarget(segments, List.of(parameters));
    }

    @Test
    void encodesEachSegmentCanonically() {
        RequestTarget target = target(List.of("api", "users", "a b/c?d#e%f", "caf\u00e9", "x+y*'()!$,=:@", "-._~"));

        assertEquals("/api/users/a%20b%2Fc%3Fd%23e%25f/caf%C3%A9/x+y*'()!$,=:@/-._~", target.path());
    }

    @Test
    void encodesNonAsciiAsUpperCaseUtf8IncludingSurrogatePairs() {
        assertEquals("/%F0%9F%98%80%C3%A9%E2%82%AC", target(List.of("\uD83D\uDE00\u00e9\u20ac")).path());
    }

    @Test
    void keepsATrailingEmptySegmentAndTheRoot() {
        assertEquals("/api/users/", target(List.of("api", "users", "")).path());
        assertEquals("/", target(List.of("")).path());
        assertEquals("", target(List.of()).path());
    }

    @Test
    void encodesQueryPartsSoThatNeitherPlusNorDelimitersChangeMeaning() {
        RequestTarget target = target(List.of("api"), new Parameter("q", "a b+c&d=e;f#g"),
                new Parameter("next", "/a?b"),
                new Parameter("flag", null), new Parameter("empty", ""), new Parameter("k[]", "\u00e9"));

        assertEquals("q=a%20b%2Bc%26d%3De%3Bf%23g&next=/a?b&flag&empty=&k%5B%5D=%C3%A9", target.query());
        assertEquals("/api?" + target.query(), target.toString());
    }

    @Test
    void hasNoQueryWithoutParameters() {
        assertNull(target(List.of("api")).query());
        assertEquals("/api", target(List.of("api")).toString());
    }

    @Test
    void startsWithWholeSegmentsOnly() {
        RequestTarget users = target(List.of("api", "users", "alice"));

        assertTrue(users.startsWith(List.of("api", "users")));
        assertTrue(users.startsWith(List.of("api", "users", "alice")));
        assertTrue(users.startsWith(List.of()));
        assertFalse(target(List.of("api", "usersx")).startsWith(List.of("api", "users")));
        assertFalse(target(List.of("api", "users")).startsWith(List.of("api", "users", "alice")));
        assertFalse(target(List.of("API", "users")).startsWith(List.of("api", "users")), "case matters");
        assertTrue(target(List.of("api", "users", "")).startsWith(List.of("api", "users")));
    }

    @Test
    void replacesThePrefixAndKeepsTheRestAndTheQuery() {
        RequestTarget target = target(List.of("api", "inventory", "items", "A 1"), new Parameter("sku", "B"));

        RequestTarget upstream = target.replacePrefix(List.of("api", "inventory"), List.of("api"));

        assertEquals(List.of("api", "items", "A 1"), upstream.segments());
        assertEquals("/api/items/A%201?sku=B", upstream.toString());
        assertEquals(List.of("v2", "api", "inventory", "items", "A 1"),
                target.replacePrefix(List.of(), List.of("v2")).segments());
        assertEquals(List.of("items", "A 1"),
                target.replacePrefix(List.of("api", "inventory"), List.of()).segments());
    }

    @Test
    void givesEveryValueOfAParameterInOrder() {
        RequestTarget target = target(List.of("api"), new Parameter("userId", "a"), new Parameter("limit", "5"),
                new Parameter("userId", null), new Parameter("userId", "b"), new Parameter("UserId", "c"));

        assertEquals(List.of("a", "", "b"), target.parameter("userId"));
        assertEquals(List.of("5"), target.parameter("limit"));
        assertEquals(List.of(), target.parameter("missing"));
    }

    @Test
    void answersSegmentsByIndex() {
        RequestTarget target = target(List.of("api", "users"));

        assertEquals(2, target.size());
        assertEquals("users", target.segment(1));
        assertNull(target.segment(2));
    }
}
