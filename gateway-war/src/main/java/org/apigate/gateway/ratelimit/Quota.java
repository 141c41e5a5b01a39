package org.apigate.gateway.ratelimit;

import java.util.regex.Pattern;

/**
 * The quota of one policy: {@code limit} admissions per {@code windowSeconds}. {@link QuotaSettings} makes it from
 * the configuration, never from a value outside these ranges.
 */
record Quota(String policy, int limit, int windowSeconds) {

    static final String DEFAULT_POLICY = "default";
    /** The algorithm's cost does not depend on the limit; this one keeps every count and sum far from overflow. */
    static final int MAX_LIMIT = 1_000_000_000;
    /** A day: longer windows are not rate limits but billing quotas. */
    static final int MAX_WINDOW_SECONDS = 86_400;
    /** Policy names appear in config keys, cache keys and quoted header values: keep them plain. */
    private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    Quota {
        if (!POLICY_NAME.matcher(policy).matches()) {
            throw new IllegalArgumentException("Rate-limit policy name must match " + POLICY_NAME + ": " + policy);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("Rate limit of policy " + policy + " must be 1.." + MAX_LIMIT
                    + ", is " + limit);
        }
        if (windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) {
            throw new IllegalArgumentException("Rate-limit window of policy " + policy + " must be 1.."
                    + MAX_WINDOW_SECONDS + " s, is " + windowSeconds);
        }
    }

    long windowMillis() {
        return windowSeconds * 1000L;
    }
}
