package org.apigate.common.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the issuer's key document is read: caching, key rotation, made-up key ids, outages. */
class IssuerKeysTest {

    static final long RELOAD_INTERVAL = 30_000;

    /** An identity provider's JWKS endpoint whose keys and availability the test sets; counts the reads. */
    static final class KeyEndpoint implements ResourceRetriever {
        final AtomicInteger reads = new AtomicInteger();
        volatile String jwks = Jwts.jwks(Jwts.RSA);
        volatile boolean down;

        @Override
        public Resource retrieveResource(URL url) throws IOException {
            reads.incrementAndGet();
            if (down) {
                throw new IOException("connection refused");
            }
            return new Resource(jwks, "application/json");
        }
    }

    final KeyEndpoint endpoint = new KeyEndpoint();
    final AtomicLong clock = new AtomicLong(1_000_000);
    final AtomicInteger changes = new AtomicInteger();
    final IssuerKeys keys = new IssuerKeys("https://idp.example/jwks", url(), endpoint, RELOAD_INTERVAL,
            changes::incrementAndGet, clock::get);

    static URL url() {
        try {
            return URI.create("https://idp.example/jwks").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWSHeader kid(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
    }

    List<String> kids(JWSHeader header) throws KeysUnavailableException {
        return keys.candidates(header).stream().map(JWK::getKeyID).toList();
    }

    @Test
    void readsOnceAndKeepsTheKeysForTheCacheTime() throws Exception {
        assertEquals(List.of("rsa-1"), kids(kid("rsa-1")));
        clock.addAndGet(IssuerKeys.CACHE_TTL_MILLIS - 1);
        assertEquals(List.of("rsa-1"), kids(kid("rsa-1")));
        assertEquals(1, endpoint.reads.get());

        clock.addAndGet(2);
        kids(kid("rsa-1"));
        assertEquals(2, endpoint.reads.get(), "read again after the cache time");
    }

    @Test
    void readsAgainAtOnceForAnUnknownKidThenNotAgainWithinTheInterval() throws Exception {
        kids(kid("rsa-1"));
        endpoint.jwks = Jwts.jwks(Jwts.RSA, Jwts.OTHER_RSA); // the issuer rotates

        assertEquals(List.of("rsa-2"), kids(kid("rsa-2")));
        assertEquals(2, endpoint.reads.get());
        assertEquals(1, changes.get(), "other keys: remembered tokens must be verified again");

        for (int i = 0; i < 100; i++) {
            assertEquals(List.of(), kids(kid("made-up-" + i)));
        }
        assertEquals(2, endpoint.reads.get(), "made-up kids do not make it read again within the interval");
        clock.addAndGet(RELOAD_INTERVAL);
        kids(kid("made-up-again"));
        assertEquals(3, endpoint.reads.get());
        assertEquals(1, changes.get(), "the same keys again are no change");
    }

    @Test
    void aStreamOfMadeUpKidsNeitherFloodsTheIssuerNorLocksOutValidTokens() throws Exception {
        long twentyMinutes = 20 * 60 * 1000;
        for (long elapsed = 0; elapsed < twentyMinutes; elapsed += 1000) {
            assertEquals(List.of(), kids(kid("made-up-" + elapsed)));
            // with a rate limit in front of every read (nimbus's JWKSourceBuilder), the read at the end of the cache
            // time was refused here once the made-up kids had used the allowance, and so was every valid token
            assertEquals(List.of("rsa-1"), kids(kid("rsa-1")), "at " + elapsed + " ms");
            clock.addAndGet(1000);
        }
        assertTrue(endpoint.reads.get() <= twentyMinutes / RELOAD_INTERVAL + 1, endpoint.reads + " reads");
    }

    @Test
    void keepsTheLastKeysWhileTheEndpointIsDownAndDoesNotHammerIt() throws Exception {
        kids(kid("rsa-1"));
        endpoint.down = true;
        clock.addAndGet(IssuerKeys.CACHE_TTL_MILLIS + 1);

        assertEquals(List.of("rsa-1"), kids(kid("rsa-1")), "outage tolerance");
        int readsAfterTheFirstFailure = endpoint.reads.get();
        assertEquals(List.of("rsa-1"), kids(kid("rsa-1")));
        assertEquals(readsAfterTheFirstFailure, endpoint.reads.get(), "no new attempt within the interval");

        endpoint.down = false;
        endpoint.jwks = Jwts.jwks(Jwts.OTHER_RSA);
        clock.addAndGet(IssuerKeys.CACHE_TTL_MILLIS);
        assertEquals(List.of("rsa-2"), kids(kid("rsa-2")), "read again after a cache time, the keys kept until then");
        assertEquals(readsAfterTheFirstFailure + 1, endpoint.reads.get());
    }

    @Test
    void saysTheKeysAreUnavailableWhenItNeverReadThemAndBacksOff() {
        endpoint.down = true;

        assertThrows(KeysUnavailableException.class, () -> keys.candidates(kid("rsa-1")));
        int reads = endpoint.reads.get();
        assertThrows(KeysUnavailableException.class, () -> keys.candidates(kid("rsa-1")));
        assertEquals(reads, endpoint.reads.get(), "no new attempt within the interval");
    }
}
