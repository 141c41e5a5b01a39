package org.apigate.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens this gateway instance verified recently, so that a client's token costs one RSA verification rather
 * than one per request (measured: signature checking and Payara's JSON parsing of the token were most of an
 * authenticated request's CPU time). Only accepted tokens are kept; a refused one is verified again every time.
 * <p>
 * An entry is used until the earlier of the token's {@code exp} and {@code ttlSeconds} after it was verified, and
 * only with the same generation of the issuer's keys ({@link KeyReload}): after a reload each token is verified
 * once more. {@code exp} is taken without the clock skew, so a token in its grace period goes back to the platform,
 * which decides with the skew as before. Time claims that depend on "now" ({@code nbf}, {@code iat}) are checked by
 * the caller at every use.
 * <p>
 * Bounded: at most {@code capacity} entries. When it is full, expired entries are dropped (at most once a second,
 * so a flood of distinct tokens does not turn every miss into a scan); tokens that still do not fit are simply not
 * remembered - they are verified on each request, as without this class. Per instance on purpose: a verification
 * result is not worth sharing through the cluster's JCache, which would serialize every entry across members.
 *
 * @param <V> what verification produced (the platform's credential validation result)
 */
final class VerifiedTokens<V> {

    private record Entry<V>(V verified, long untilSeconds, long keyGeneration) {
    }

    private final int capacity;
    private final long ttlSeconds;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private volatile long lastPurgeMillis;

    VerifiedTokens(int capacity, long ttlSeconds) {
        this.capacity = capacity;
        this.ttlSeconds = ttlSeconds;
    }

    /** What verifying {@code token} with the keys of {@code keyGeneration} produced, or null when it must be verified. */
    V get(String token, long nowSeconds, long keyGeneration) {
        Entry<V> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowSeconds >= entry.untilSeconds() || entry.keyGeneration() != keyGeneration) {
            entries.remove(token, entry);
            return null;
        }
        return entry.verified();
    }

    /** Remembers that {@code token}, expiring at {@code expSeconds}, was accepted with the keys of {@code keyGeneration}. */
    void put(String token, V verified, long expSeconds, long nowSeconds, long keyGeneration) {
        long until = Math.min(expSeconds, nowSeconds + ttlSeconds);
        if (until <= nowSeconds || ttlSeconds <= 0) {
            return;
        }
        if (entries.size() >= capacity && !purge(nowSeconds)) {
            return;
        }
        entries.put(token, new Entry<>(verified, until, keyGeneration));
    }

    int size() {
        return entries.size();
    }

    /** Drops the expired entries, at most once a second; whether there is room afterwards. */
    private boolean purge(long nowSeconds) {
        long nowMillis = System.currentTimeMillis();
        if (nowMillis - lastPurgeMillis >= 1000) {
            lastPurgeMillis = nowMillis;
            entries.values().removeIf(entry -> nowSeconds >= entry.untilSeconds());
        }
        return entries.size() < capacity;
    }
}
