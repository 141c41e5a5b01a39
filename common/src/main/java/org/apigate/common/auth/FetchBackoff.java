package org.apigate.common.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * After a failed fetch of the key document, no new fetch for a while: while an identity provider is down, every
 * request would otherwise wait for its own connection attempt and the provider would meet a flood when it comes
 * back. The refusal is a {@link JWKSetUnavailableException}, so the outage-tolerant layer above serves the keys it
 * kept, as for the failure itself.
 */
final class FetchBackoff extends JWKSetSourceWrapper<SecurityContext> {

    private final long pauseMillis;
    private volatile long pausedUntil = Long.MIN_VALUE;

    FetchBackoff(JWKSetSource<SecurityContext> source, long pauseMillis) {
        super(source);
        this.pauseMillis = pauseMillis;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        if (currentTime < pausedUntil) {
            throw new JWKSetUnavailableException("the key document failed recently; next attempt in "
                    + (pausedUntil - currentTime) + " ms");
        }
        try {
            return getSource().getJWKSet(refreshEvaluator, currentTime, context);
        } catch (KeySourceException e) {
            pausedUntil = currentTime + pauseMillis;
            throw e;
        }
    }
}
