package org.apigate.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.logging.Logger;

/**
 * When the issuer's keys are read again. Payara's MP-JWT keeps a JWKS for 5 minutes (or its {@code max-age}) and
 * does not refetch it when a token names an unknown {@code kid}, so after a key rotation every new token would be
 * refused until the cache expires. Instead, a refused token triggers one reload and one more verification.
 * <p>
 * Which refusals are due to an unknown key cannot be told without parsing the token by hand, so any refusal may
 * reload; at most one reload per {@value #MIN_INTERVAL_KEY} seconds (default {@value #DEFAULT_MIN_INTERVAL_SECONDS})
 * keeps a flood of bad tokens from turning into a flood of JWKS requests. A request that was refused while another
 * request reloaded the keys retries without reloading again.
 * <p>
 * Trade-off: Payara keeps no stale keys when the JWKS endpoint is down (after its cache time every token is
 * refused); a reload during such an outage drops the cached keys sooner, at the next refused token.
 */
@ApplicationScoped
class KeyReload {

    static final String MIN_INTERVAL_KEY = "gateway.auth.key-reload-interval";
    static final long DEFAULT_MIN_INTERVAL_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(KeyReload.class.getName());

    @Inject
    MpJwtPlatform platform;

    @Inject
    Config config;

    /** Read on every verified request, so not behind the lock. */
    private volatile long generation;
    private long lastReloadNanos;

    /** Increases with every reload; a caller remembers it before verifying. */
    long generation() {
        return generation;
    }

    /**
     * Whether a token refused with the keys of {@code seenGeneration} is worth verifying again: the keys were
     * reloaded since, or they are reloaded now because the last reload is long enough ago.
     */
    synchronized boolean reloadSince(long seenGeneration) {
        if (generation != seenGeneration) {
            return true;
        }
        long now = System.nanoTime();
        long minInterval = config.getOptionalValue(MIN_INTERVAL_KEY, Long.class).orElse(DEFAULT_MIN_INTERVAL_SECONDS)
                * 1_000_000_000L;
        if (generation > 0 && now - lastReloadNanos < minInterval) {
            return false;
        }
        platform.discardKeys();
        generation++;
        lastReloadNanos = now;
        LOG.fine("A bearer token was refused: the issuer's keys will be read again");
        return true;
    }
}
