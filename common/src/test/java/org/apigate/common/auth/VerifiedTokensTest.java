package org.apigate.common.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class VerifiedTokensTest {

    static final long NOW = 1_800_000_000L;

    static VerifiedToken expiringAt(long exp) {
        return new VerifiedToken("t", new JWTClaimsSet.Builder().subject("s").expirationTime(new Date(exp * 1000))
                .build(), Set.of());
    }

    @Test
    void keepsATokenForTheTtlAtMost() {
        VerifiedTokens memory = new VerifiedTokens(10, 60);
        VerifiedToken token = expiringAt(NOW + 3600);
        memory.put("a", token, NOW, 0);

        assertSame(token, memory.get("a", NOW + 59, 0));
        assertNull(memory.get("a", NOW + 60, 0));
    }

    @Test
    void neverPastItsExpiry() {
        VerifiedTokens memory = new VerifiedTokens(10, 60);
        memory.put("a", expiringAt(NOW + 10), NOW, 0);

        assertNull(memory.get("a", NOW + 10, 0));
        memory.put("b", expiringAt(NOW - 1), NOW, 0);
        assertEquals(0, memory.size(), "an expired token (in its skew) is not remembered");
    }

    @Test
    void forgetsEverythingVerifiedWithOtherKeys() {
        VerifiedTokens memory = new VerifiedTokens(10, 60);
        memory.put("a", expiringAt(NOW + 3600), NOW, 0);

        assertNull(memory.get("a", NOW, 1));
    }

    @Test
    void staysWithinItsCapacityAndMakesRoomFromExpiredEntries() {
        VerifiedTokens memory = new VerifiedTokens(2, 60);
        memory.put("a", expiringAt(NOW + 5), NOW, 0);
        memory.put("b", expiringAt(NOW + 3600), NOW, 0);
        memory.put("c", expiringAt(NOW + 3600), NOW, 0);
        assertEquals(2, memory.size());
        assertNull(memory.get("c", NOW, 0), "full: not remembered, verified on each use");

        memory.put("c", expiringAt(NOW + 3600), NOW + 10, 0);
        assertEquals(2, memory.size());
        assertEquals("t", memory.get("c", NOW + 10, 0).getRawToken(), "the expired one made room");
    }

    @Test
    void remembersNothingWithATtlOfZero() {
        VerifiedTokens memory = new VerifiedTokens(10, 0);
        memory.put("a", expiringAt(NOW + 3600), NOW, 0);

        assertEquals(0, memory.size());
    }
}
