package org.apigate.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@link SubWindowCounts} of every key in Payara's JCache (Hazelcast; shared by all members of a gateway
 * cluster), as {@code long[]} values, which Hazelcast serializes natively. One cache per window length, because a
 * cache has one expiry policy and the buckets' width depends on the window: an entry expires a window after its last
 * admission, when none of its admissions can share a window with a new one any more. A window changed at runtime
 * therefore starts its counts afresh.
 */
@ApplicationScoped
class RateLimitCounters {

    /**
     * v2: the values are {@code long[]} since the sliding-window log was replaced; a running cluster may still hold
     * caches of the old value type under the old names ({@code apigate-ratelimit-<w>s}), whose entries expire
     * unused.
     */
    static final String CACHE_PREFIX = "apigate-ratelimit-v2-";

    /** The container's cache manager; never {@code Caching.getCachingProvider()}, which is a Hazelcast client. */
    @Inject
    CacheManager cacheManager;

    private final ConcurrentMap<Integer, Cache<String, long[]>> caches = new ConcurrentHashMap<>();

    /** Decides and records a request of {@code subject} under {@code quota}. */
    Decision admit(String subject, Quota quota) {
        // policy names cannot contain ':', so the key is unambiguous whatever the subject is
        String key = quota.policy() + ":" + subject;
        return caches.computeIfAbsent(quota.windowSeconds(), this::open).invoke(key, new AdmitRequest(quota));
    }

    private Cache<String, long[]> open(int windowSeconds) {
        String name = CACHE_PREFIX + windowSeconds + "s";
        Cache<String, long[]> cache = cacheManager.getCache(name);
        if (cache != null) {
            return cache;
        }
        try {
            return cacheManager.createCache(name, new MutableConfiguration<String, long[]>()
                    .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                            new Duration(TimeUnit.SECONDS, windowSeconds))));
        } catch (CacheException createdConcurrently) {
            // another thread or cluster member created it first
            return cacheManager.getCache(name);
        }
    }
}
