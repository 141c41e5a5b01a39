package org.apigate.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.config.CachedConfig;
import org.apigate.gateway.config.ShippedDefaults;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The quotas as configured now, read through MicroProfile Config on every request (Payara caches a value for
 * {@code mp.config.cache.duration}, so a change applies within a second): {@code gateway.ratelimit.limit} /
 * {@code .window} for the default policy, {@code gateway.ratelimit.<policy>.limit} / {@code .window} for a named one,
 * key by key falling back to the default policy's - except the built-in {@code anonymous} policy, which has defaults
 * of its own. A value the limiter cannot use never fails a request: the last good value (or the default) stays in
 * force, the value is logged once, and {@link #problems()} lists it for the readiness check.
 */
@ApplicationScoped
class QuotaSettings {

    /** Requests without a valid token, counted per client address. */
    static final String ANONYMOUS_POLICY = "anonymous";
    private static final String PREFIX = "gateway.ratelimit.";

    /** The policies with defaults of their own, shipped in the WAR; every other policy falls back to the default's. */
    private static final Set<String> WITH_OWN_DEFAULTS = Set.of(Quota.DEFAULT_POLICY, ANONYMOUS_POLICY);

    @Inject
    CachedConfig config;

    /** By config key: a key shared by several policies parses and reports its value once. */
    private final ConcurrentMap<String, QuotaSetting> settings = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, PolicySettings> policies = new ConcurrentHashMap<>();

    /** The quota of {@code policy} now; the same instance as long as its values do not change. */
    Quota quota(String policy) {
        PolicySettings settingsOfPolicy = policies.get(policy);
        if (settingsOfPolicy == null) {
            settingsOfPolicy = policies.computeIfAbsent(policy, this::settingsOf);
        }
        return settingsOfPolicy.quota(config);
    }

    /**
     * The configured values that cannot be used, each with the key, the value and what is used instead, sorted by
     * key; empty when all is well. Covers the default and anonymous policies and every policy asked for so far.
     */
    List<String> problems() {
        quota(Quota.DEFAULT_POLICY);
        quota(ANONYMOUS_POLICY);
        policies.values().forEach(policy -> policy.quota(config));
        return settings.values().stream()
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .map(setting -> setting.problem(config))
                .filter(Objects::nonNull)
                .toList();
    }

    private PolicySettings settingsOf(String policy) {
        if (WITH_OWN_DEFAULTS.contains(policy)) {
            String prefix = Quota.DEFAULT_POLICY.equals(policy) ? PREFIX : PREFIX + policy + ".";
            return new PolicySettings(policy,
                    setting(prefix + "limit", Quota.MAX_LIMIT, null, shipped(prefix + "limit")),
                    setting(prefix + "window", Quota.MAX_WINDOW_SECONDS, null, shipped(prefix + "window")));
        }
        PolicySettings fallback = settingsOf(Quota.DEFAULT_POLICY); // its two settings are the shared ones, by key
        return new PolicySettings(policy,
                setting(PREFIX + policy + ".limit", Quota.MAX_LIMIT, fallback.limit(), 0),
                setting(PREFIX + policy + ".window", Quota.MAX_WINDOW_SECONDS, fallback.window(), 0));
    }

    private static int shipped(String key) {
        return (int) ShippedDefaults.number(key);
    }

    private QuotaSetting setting(String key, int max, QuotaSetting fallback, int builtIn) {
        return settings.computeIfAbsent(key, k -> new QuotaSetting(k, max, fallback, builtIn));
    }

    /** One policy's two keys and the quota they made last (a new one only when a value changed). */
    private static final class PolicySettings {

        private final String policy;
        private final QuotaSetting limit;
        private final QuotaSetting window;
        private volatile Quota last;

        PolicySettings(String policy, QuotaSetting limit, QuotaSetting window) {
            this.policy = policy;
            this.limit = limit;
            this.window = window;
        }

        QuotaSetting limit() {
            return limit;
        }

        QuotaSetting window() {
            return window;
        }

        Quota quota(Config config) {
            int limitNow = limit.value(config);
            int windowNow = window.value(config);
            Quota quota = last;
            if (quota == null || quota.limit() != limitNow || quota.windowSeconds() != windowNow) {
                quota = new Quota(policy, limitNow, windowNow);
                last = quota;
            }
            return quota;
        }
    }
}
