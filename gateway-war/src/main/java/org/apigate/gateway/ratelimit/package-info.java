/**
 * Rate limiting, the pipeline's {@link org.apigate.gateway.ratelimit.RateLimit} stage: the
 * {@link org.apigate.gateway.ratelimit.RateLimited} interceptor counts a request per subject (per client address
 * without a valid token) under its route's policy.
 * <p>
 * Algorithm ({@link org.apigate.gateway.ratelimit.SubWindowCounts}): sliding sub-window counters, counted
 * conservatively. The window {@code w} is split into {@code N = 20} buckets of {@code b = ceil(w / N)}; per subject
 * and policy the cache keeps the admissions of the newest {@code N + 1} buckets. A request in bucket {@code k} is
 * admitted iff buckets {@code k-N..k} - all of the last {@code w} and up to one bucket more - hold fewer than
 * {@code q}. So no window of length {@code w}, wherever it starts, ever holds more than {@code q} admissions (proof in
 * {@code SubWindowCounts}) - unlike a fixed window (up to {@code 2q} around a boundary) or GCRA/token bucket (up to
 * {@code 2q - 1}). The price of counting the extra bucket: an admission frees its unit up to {@code b} after it left
 * the window, so a client sending steadily at the quota gets at least {@code q - ceil(q / N)} per window, and the
 * {@code t} / {@code Retry-After} values can exceed {@code w} by up to {@code b}.
 * <p>
 * Cost: the state is one {@code long[]} of {@code N + 2} (176 bytes) per active subject and policy, whatever the
 * quota; a request reads and adds {@code N + 1} counts; a refusal writes nothing. Quotas from 1 to 10^9 per window,
 * windows from 1 s to a day.
 * <p>
 * Exactness: the counts live in JCache (Payara's Hazelcast-backed {@code CacheManager}, caches
 * {@code apigate-ratelimit-v2-<w>s}) and are read and updated in one {@code Cache.invoke} with an
 * {@link javax.cache.processor.EntryProcessor}, which Hazelcast runs atomically on the member owning the key, with
 * that member's clock. So concurrent requests on one or many gateway instances of a cluster never admit more than the
 * quota. A clock behind the key's newest bucket (another member took the key over) counts in the newest bucket.
 * Entries expire {@code w} seconds after their last admission, when none of their admissions can share a window with
 * a new request.
 * <p>
 * Configuration ({@link org.apigate.gateway.ratelimit.QuotaSettings}) is read on every request, through the
 * gateway's config cache ({@code mp.config.cache.duration}, 1000 ms in the WAR), so {@code asadmin set-config-property} takes
 * effect within a second, without a redeploy: {@code gateway.ratelimit.limit} / {@code gateway.ratelimit.window} for
 * the default policy, {@code gateway.ratelimit.<policy>.limit} / {@code .window} for a named one, falling back to the
 * default's; the built-in policy {@code anonymous} (requests without a valid token, per client address) has defaults
 * of its own. A value that cannot be used (not a whole number, limit outside 1..10^9, window outside 1..86400 s)
 * never fails a request: the last good value, or the default, stays in force, one WARNING line is logged per bad
 * value, and the readiness check {@code gateway-ratelimit-config} lists it while staying UP.
 * <p>
 * Every response of a rate-limited request carries {@code RateLimit-Policy} and {@code RateLimit}
 * (draft-ietf-httpapi-ratelimit-headers-11), a refused one also {@code Retry-After} and a 429 problem.
 */
package org.apigate.gateway.ratelimit;
