package org.apigate.gateway.ratelimit;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.regex.Pattern;

/** The quota of one policy as configured right now: {@code limit} admissions per {@code windowSeconds}. */
record Quota(String policy, int limit, int windowSeconds) {

    static final String DEFAULT_POLICY = "default";
    static final int MAX_LIMIT = 10_000;
    /** The shipped defaults (also in microprofile-config.properties), kept if a deployment replaced that file. */
    static final int DEFAULT_LIMIT = 100;
    static final int DEFAULT_WINDOW_SECONDS = 60;
    private static final String PREFIX = "gateway.ratelimit.";
    /** Policy names appear in config keys and in quoted header values: keep them plain. */
    private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    Quota {
        if (!POLICY_NAME.matcher(policy).matches()) {
            throw new IllegalArgumentException("Rate-limit policy name must match " + POLICY_NAME + ": " + policy);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("Rate limit of policy " + policy + " must be 1.." + MAX_LIMIT
                    + ", is " + limit);
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("Rate-limit window of policy " + policy + " must be at least 1 s");
        }
    }

    /** The policy's quota from the configuration as it is now, named keys first, then the default policy's. */
    static Quota of(String policy, Config config) {
        return new Quota(policy,
                setting(config, policy, "limit").orElse(DEFAULT_LIMIT),
                setting(config, policy, "window").orElse(DEFAULT_WINDOW_SECONDS));
    }

    long windowMillis() {
        return windowSeconds * 1000L;
    }

    private static Optional<Integer> setting(Config config, String policy, String name) {
        Optional<Integer> own = DEFAULT_POLICY.equals(policy) ? Optional.empty()
                : config.getOptionalValue(PREFIX + policy + "." + name, Integer.class);
        return own.or(() -> config.getOptionalValue(PREFIX + name, Integer.class));
    }
}
