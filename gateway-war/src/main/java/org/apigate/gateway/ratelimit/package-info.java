/**
 * Per-subject rate limiting of resource methods annotated {@link org.apigate.gateway.ratelimit.RateLimited}.
 * <p>
 * Algorithm: a sliding-window log. Per subject and policy the cache keeps the times of the admissions of the last
 * {@code w} seconds; a request is admitted iff fewer than {@code q} of them lie within the last {@code w} seconds.
 * So no window of length {@code w}, wherever it starts, ever holds more than {@code q} admissions - unlike a fixed
 * window (up to {@code 2q} around a boundary) or GCRA/token bucket (up to {@code 2q - 1} in some window when a full
 * burst follows a full drain). The price is memory proportional to {@code q} per active subject, fine for the quotas
 * of an API gateway (limit at most {@value org.apigate.gateway.ratelimit.Quota#MAX_LIMIT}).
 * <p>
 * Exactness: the log lives in JCache (Payara's Hazelcast-backed {@code CacheManager}) and is read and updated in one
 * {@code Cache.invoke} with an {@link javax.cache.processor.EntryProcessor}, which Hazelcast runs atomically on the
 * member owning the key, with that member's clock. So concurrent requests on one or many gateway instances of a
 * cluster never admit more than the quota. Entries expire {@code w} seconds after their last change, when every
 * admission in them has left the window.
 * <p>
 * Configuration is read on every request, through Payara's config cache ({@code mp.config.cache.duration}, 1000 ms in
 * the WAR), so {@code asadmin set-config-property} takes effect within a second, without a redeploy:
 * {@code gateway.ratelimit.limit} / {@code gateway.ratelimit.window} for the default policy,
 * {@code gateway.ratelimit.<policy>.limit} / {@code .window} for a named one, falling back to the default's.
 * <p>
 * Every response of a rate-limited method carries {@code RateLimit-Policy} and {@code RateLimit}
 * (draft-ietf-httpapi-ratelimit-headers-11), a refused one also {@code Retry-After} and a 429 problem.
 */
package org.apigate.gateway.ratelimit;
