package org.apigate.common.servicetoken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.auth.PemKeys;
import org.apigate.common.auth.Roles;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * This service's own credential for calling other apigate services: short-lived JWTs it signs itself (RS256) with
 * the private key at {@value #PRIVATE_KEY} (a PEM file URL, PKCS#8). Claims: {@code iss} {@value #ISSUER} (default
 * {@code https://apigate.local/services}), {@code sub} {@value #SUBJECT} (e.g. {@code order-service}),
 * {@code aud} the callee's name, {@code groups} [{@code service}], {@code iat}, {@code exp} after
 * {@value #LIFETIME_SECONDS} s, a {@code jti}. The callees trust this issuer with the matching public key
 * ({@code apigate.service-token.publickey.location}) and accept only tokens naming them as audience.
 * <p>
 * One token per audience is reused until {@value #RENEW_BEFORE_SECONDS} s before it expires, so signing costs
 * nothing per call and the callee's verifier recognises it from its memory.
 */
@ApplicationScoped
public class ServiceCredential {

    static final String PRIVATE_KEY = "apigate.service-token.private-key.location";
    static final String ISSUER = "apigate.service-token.issuer";
    static final String SUBJECT = "apigate.service-token.subject";
    static final String KEY_ID = "apigate.service-token.key-id";
    static final String DEFAULT_ISSUER = "https://apigate.local/services";
    static final long LIFETIME_SECONDS = 300;
    static final long RENEW_BEFORE_SECONDS = 60;

    private record Minted(String token, Instant expiresAt) {
    }

    @Inject
    Config config;

    private final Map<String, Minted> byAudience = new ConcurrentHashMap<>();
    private Supplier<Instant> clock = Instant::now;
    private volatile RSASSASigner signer;

    /** For CDI. */
    protected ServiceCredential() {
    }

    /** For tests: settings from {@code config}, time from {@code clock}. */
    ServiceCredential(Config config, Supplier<Instant> clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A bearer token for calling the service named {@code audience} (e.g. {@code inventory}). */
    public String tokenFor(String audience) {
        Instant now = clock.get();
        Minted current = byAudience.get(audience);
        if (current == null || !now.plusSeconds(RENEW_BEFORE_SECONDS).isBefore(current.expiresAt())) {
            current = mint(audience, now);
            byAudience.put(audience, current);
        }
        return current.token();
    }

    private Minted mint(String audience, Instant now) {
        Instant expiresAt = now.plus(Duration.ofSeconds(LIFETIME_SECONDS));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.getOptionalValue(ISSUER, String.class).orElse(DEFAULT_ISSUER))
                .subject(config.getValue(SUBJECT, String.class))
                .audience(audience)
                .claim("groups", List.of(Roles.SERVICE))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(config.getOptionalValue(KEY_ID, String.class).orElse(null)).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a service token: " + e.getMessage(), e);
        }
        return new Minted(jwt.serialize(), expiresAt);
    }

    private RSASSASigner signer() {
        if (signer == null) {
            String location = config.getOptionalValue(PRIVATE_KEY, String.class).orElseThrow(
                    () -> new IllegalStateException("No service credential: set " + PRIVATE_KEY));
            signer = new RSASSASigner(privateKey(location));
        }
        return signer;
    }

    private static RSAPrivateKey privateKey(String location) {
        try (InputStream in = URI.create(location.strip()).toURL().openStream()) {
            return PemKeys.rsaPrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the service credential's key at " + location, e);
        }
    }
}
