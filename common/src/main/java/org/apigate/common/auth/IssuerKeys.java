package org.apigate.common.auth;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RetryingJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.Closeable;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The public keys of one issuer, read from its key location ({@link KeyDocuments}: PEM or JWKS, file, classpath or
 * http(s)), composed of nimbus's JWK set sources:
 * <ul>
 *   <li>cached for {@value #CACHE_TTL_MILLIS} ms, then read again (a rotated key file or JWKS is picked up);</li>
 *   <li>outage tolerant: when reading fails, the keys read last serve on for {@value #OUTAGE_TTL_MILLIS} ms;</li>
 *   <li>a failed read is retried once, then not again for the reload interval ({@link FetchBackoff});</li>
 *   <li>read again at once when a token names a {@code kid} the keys do not have (the issuer rotated its key) - at
 *       most once per reload interval, so tokens with made-up key ids cannot make this service flood the issuer.</li>
 * </ul>
 * The rate limit sits on the unknown-kid path only, not in front of every read as with nimbus's
 * {@code JWKSourceBuilder.rateLimited}: there a stream of made-up key ids used up the allowance, the regular reload
 * at the end of the cache time was then refused, and every token failed until the window reopened.
 */
final class IssuerKeys implements Closeable {

    static final long CACHE_TTL_MILLIS = 5 * 60 * 1000L;
    static final long OUTAGE_TTL_MILLIS = 10 * CACHE_TTL_MILLIS;
    /** How long a request waits for a read that another request started. */
    static final long REFRESH_TIMEOUT_MILLIS = 15_000L;
    private static final Logger LOG = Logger.getLogger(IssuerKeys.class.getName());

    private final String location;
    private final CachingJWKSetSource<SecurityContext> keys;
    private final long reloadIntervalMillis;
    private final LongSupplier clock;
    private final AtomicLong lastForcedReload = new AtomicLong(Long.MIN_VALUE / 2);
    private volatile JWKSet lastRead;

    /**
     * @param keysChanged called when a read brings other keys than the previous one (tokens verified with the old
     *                    keys must be verified again)
     */
    IssuerKeys(String location, long reloadIntervalMillis, Runnable keysChanged) {
        this(location, KeyDocuments.locate(location), new KeyDocuments(), reloadIntervalMillis, keysChanged,
                System::currentTimeMillis);
    }

    IssuerKeys(String location, URL url, ResourceRetriever documents, long reloadIntervalMillis,
               Runnable keysChanged, LongSupplier clock) {
        this.location = location;
        this.reloadIntervalMillis = reloadIntervalMillis;
        this.clock = clock;
        JWKSetSource<SecurityContext> source = new URLBasedJWKSetSource<>(url, documents);
        source = new RetryingJWKSetSource<>(source, null);
        source = new FetchBackoff(source, reloadIntervalMillis);
        source = new OutageTolerantJWKSetSource<>(source, OUTAGE_TTL_MILLIS, null);
        this.keys = new CachingJWKSetSource<>(source, CACHE_TTL_MILLIS, REFRESH_TIMEOUT_MILLIS, event -> {
            if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext> completed) {
                read(completed.getJWKSet(), keysChanged);
            }
        });
    }

    /** The keys that may have signed a token with this header ({@link KeyChoice}); empty when none fits. */
    List<JWK> candidates(JWSHeader header) throws KeysUnavailableException {
        long now = clock.getAsLong();
        JWKSet current;
        try {
            current = keys.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, null);
        } catch (KeySourceException e) {
            LOG.warning(() -> "The keys at " + location + " cannot be read: " + e.getMessage());
            throw new KeysUnavailableException("The issuer's keys cannot be read now; try again shortly.");
        }
        List<JWK> matching = KeyChoice.matching(current, header);
        if (matching.isEmpty() && header.getKeyID() != null && mayReloadAt(now)) {
            try {
                matching = KeyChoice.matching(
                        keys.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(current), now, null), header);
            } catch (KeySourceException e) {
                LOG.warning(() -> "The keys at " + location + " could not be read again: " + e.getMessage());
            }
        }
        return matching;
    }

    private boolean mayReloadAt(long now) {
        long last = lastForcedReload.get();
        return now - last >= reloadIntervalMillis && lastForcedReload.compareAndSet(last, now);
    }

    private void read(JWKSet keySet, Runnable keysChanged) {
        JWKSet previous = lastRead;
        lastRead = keySet;
        if (previous != null && !previous.getKeys().equals(keySet.getKeys())) {
            LOG.info(() -> "The keys at " + location + " changed: " + keySet.getKeys().size() + " key(s) now");
            keysChanged.run();
        }
    }

    @Override
    public void close() throws IOException {
        keys.close();
    }

    @Override
    public String toString() {
        return location;
    }
}
