package org.apigate.common.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.security.CodeSource;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies bearer tokens: a compact JWS, RS256 or ES256, from a trusted issuer ({@link TrustSettings}: the users'
 * identity provider, and the service issuer where this WAR accepts service tokens), signed with one of that issuer's
 * keys, meant for this service ({@code aud}), not expired ({@code exp} required), not from the future ({@code nbf},
 * {@code iat}), with a subject ({@code sub}); {@code jti} is not required (Entra ID and Auth0 access tokens have
 * none). What the token must look like before that is {@link TokenShape}.
 * <p>
 * A token once accepted is remembered ({@link VerifiedTokens}), so a client reusing it costs a map lookup. The one
 * method to call is {@link #verify(String)}; {@code BearerTokenMechanism} does it for every request with an
 * {@code Authorization: Bearer} header.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());

    @Inject
    Config config;

    private AtomicLong keyGeneration = new AtomicLong();
    private List<TrustedIssuer> issuers;
    private long skewSeconds;
    private VerifiedTokens remembered;
    private LongSupplier clock = System::currentTimeMillis;

    /** For CDI; {@link #configure()} reads the settings. */
    protected TokenVerifier() {
    }

    /**
     * For tests: the given issuers, whose keys count their changes in {@code keyGeneration}, skew and memory, and a
     * clock in milliseconds.
     */
    TokenVerifier(List<TrustedIssuer> issuers, AtomicLong keyGeneration, long skewSeconds, VerifiedTokens remembered,
                  LongSupplier clock) {
        this.issuers = List.copyOf(issuers);
        this.keyGeneration = keyGeneration;
        this.skewSeconds = skewSeconds;
        this.remembered = remembered;
        this.clock = clock;
    }

    @PostConstruct
    void configure() {
        TrustSettings settings = new TrustSettings(config);
        skewSeconds = settings.skewSeconds();
        remembered = new VerifiedTokens(settings.rememberCapacity(), settings.rememberSeconds());
        issuers = settings.issuers(keyGeneration::incrementAndGet);
        // which nimbus verifies is a question of class loading (see the package documentation): say it once
        CodeSource nimbus = SignedJWT.class.getProtectionDomain().getCodeSource();
        LOG.info(() -> "Bearer tokens are verified with nimbus-jose-jwt "
                + SignedJWT.class.getPackage().getImplementationVersion() + " from "
                + (nimbus == null ? "an unknown location" : nimbus.getLocation()));
    }

    /**
     * The token's verified claims and roles.
     *
     * @throws TokenRefusedException     why the token is not accepted, in words fit for the client
     * @throws KeysUnavailableException  the issuer's keys cannot be read now: the token may be fine, try later
     */
    public VerifiedToken verify(String token) throws TokenRefusedException {
        long now = clock.getAsLong() / 1000;
        long generation = keyGeneration.get();
        VerifiedToken known = remembered.get(token, now, generation);
        if (known != null) {
            TokenTimes.checkNotInFuture(known.claims(), now, skewSeconds);
            return known;
        }
        VerifiedToken verified = verifyFully(token, now);
        remembered.put(token, verified, now, generation);
        return verified;
    }

    private VerifiedToken verifyFully(String token, long now) throws TokenRefusedException {
        SignedJWT jwt = TokenShape.parse(token);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRefusedException("The token's claims are malformed (e.g. exp or aud of the wrong type).");
        }
        if (claims.getIssuer() == null) {
            throw new TokenRefusedException("The token names no issuer (iss).");
        }
        TokenRefusedException refusal = new TokenRefusedException("The token's issuer (iss) is not trusted here.");
        for (TrustedIssuer issuer : issuers) {
            if (issuer.issuer().equals(claims.getIssuer())) {
                try {
                    return issuer.verify(token, jwt, claims, now, skewSeconds);
                } catch (TokenRefusedException e) {
                    refusal = e; // another configuration may trust the same iss with other keys or audiences
                }
            }
        }
        throw refusal;
    }

    @PreDestroy
    void close() {
        for (TrustedIssuer issuer : issuers) {
            try {
                issuer.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing the keys of " + issuer.issuer() + " failed", e);
            }
        }
    }
}
