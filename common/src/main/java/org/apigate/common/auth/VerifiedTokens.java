package org.apigate.common.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens this instance verified recently, so that a token costs one signature check, not one per request (a
 * client reuses its access token for minutes). Only accepted tokens are kept.
 * <p>
 * An entry is used until the earlier of the token's {@code exp} (without the clock skew: a token in its grace time
 * is verified afresh) and {@code ttlSeconds} after it was verified, and only with the same generation of keys:
 * after any issuer's keys changed, each token is verified once more. {@code nbf} and {@code iat} depend on the time
 * of the request, so the caller checks them at every use.
 * <p>
 * Bounded: at most {@code capacity} entries. When full, expired entries are dropped (at most once a second, so a
 * flood of distinct tokens does not turn every miss into a scan); tokens that still do not fit are simply verified
 * on each request. Per instance on purpose: sharing verification results through a cluster costs more than
 * verifying.
 */
final class VerifiedTokens {

    private record Entry(VerifiedToken token, long untilSeconds, long keyGeneration) {
    }

    private final int capacity;
    private final long ttlSeconds;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile long lastPurgeSecond = Long.MIN_VALUE;

    VerifiedTokens(int capacity, long ttlSeconds) {
        this.capacity = capacity;
        this.ttlSeconds = ttlSeconds;
    }

    /** The token as verified with the keys of {@code keyGeneration}, or null when it must be verified. */
    VerifiedToken get(String token, long nowSeconds, long keyGeneration) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowSeconds >= entry.untilSeconds() || entry.keyGeneration() != keyGeneration) {
            entries.remove(token, entry);
            return null;
        }
        return entry.token();
    }

    void put(String token, VerifiedToken verified, long nowSeconds, long keyGeneration) {
        long until = Math.min(verified.expiresAt(), nowSeconds + ttlSeconds);
        if (until <= nowSeconds || ttlSeconds <= 0) {
            return;
        }
        if (entries.size() >= capacity && !purge(nowSeconds)) {
            return;
        }
        entries.put(token, new Entry(verified, until, keyGeneration));
    }

    int size() {
        return entries.size();
    }

    private boolean purge(long nowSeconds) {
        if (nowSeconds != lastPurgeSecond) {
            lastPurgeSecond = nowSeconds;
            entries.values().removeIf(entry -> nowSeconds >= entry.untilSeconds());
        }
        return entries.size() < capacity;
    }
}
