package org.apigate.gateway.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A remembered token is used only while it is valid, only with the keys it was verified with, and memory is bounded. */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void remembersAnAcceptedTokenUntilItsExpiry() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, 600);
        tokens.put("t", "alice", NOW + 30, NOW, 0);

        assertEquals("alice", tokens.get("t", NOW, 0));
        assertEquals("alice", tokens.get("t", NOW + 29, 0));
        assertNull(tokens.get("t", NOW + 30, 0), "at exp the platform decides again (with its clock skew)");
        assertEquals(0, tokens.size(), "an expired entry is dropped when met");
    }

    @Test
    void remembersForAtMostTheTtl() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, 60);
        tokens.put("t", "alice", NOW + 3600, NOW, 0);

        assertEquals("alice", tokens.get("t", NOW + 59, 0));
        assertNull(tokens.get("t", NOW + 60, 0));
    }

    @Test
    void forgetsEverythingVerifiedWithEarlierKeys() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, 60);
        tokens.put("t", "alice", NOW + 3600, NOW, 1);

        assertNull(tokens.get("t", NOW, 2), "the issuer's keys were reloaded since");
        assertNull(tokens.get("t", NOW, 1), "and the entry is gone");
    }

    @Test
    void neverRemembersAnExpiredTokenOrWithAZeroTtl() {
        VerifiedTokens<String> expired = new VerifiedTokens<>(10, 60);
        expired.put("t", "alice", NOW, NOW, 0);
        VerifiedTokens<String> off = new VerifiedTokens<>(10, 0);
        off.put("t", "alice", NOW + 3600, NOW, 0);

        assertNull(expired.get("t", NOW - 1, 0));
        assertNull(off.get("t", NOW, 0));
    }

    @Test
    void staysWithinItsCapacity() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(2, 60);
        tokens.put("a", "alice", NOW + 3600, NOW, 0);
        tokens.put("b", "bob", NOW + 3600, NOW, 0);
        tokens.put("c", "carol", NOW + 3600, NOW, 0);

        assertEquals(2, tokens.size());
        assertNull(tokens.get("c", NOW, 0), "no room: verified again on every request, as without memory");
        assertEquals("alice", tokens.get("a", NOW, 0));
    }

    @Test
    void makesRoomByDroppingExpiredEntries() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(2, 60);
        tokens.put("a", "alice", NOW + 10, NOW, 0);
        tokens.put("b", "bob", NOW + 3600, NOW, 0);
        tokens.put("c", "carol", NOW + 3600, NOW + 20, 0);

        assertEquals("carol", tokens.get("c", NOW + 20, 0));
        assertNull(tokens.get("a", NOW + 20, 0));
    }
}
