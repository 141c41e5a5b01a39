package org.apigate.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints JWTs for tests with {@link TestKeys}: valid ones by default, every claim and the key overridable so tests
 * can forge the bad ones.
 */
public final class Tokens {

    public static final String ISSUER = "https://issuer.apigate.test";
    public static final String AUDIENCE = "gateway";

    private Tokens() {
    }

    public static String customer(String subject) {
        return forSubject(subject).groups("customer").sign();
    }

    public static String admin(String subject) {
        return forSubject(subject).groups("admin").sign();
    }

    public static Builder forSubject(String subject) {
        return new Builder(subject);
    }

    /** A token under construction; {@link #sign()} produces the compact serialization. */
    public static final class Builder {
        private final JWTClaimsSet.Builder claims;
        private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
        private JWSSigner signer;
        private String kid = TestKeys.RSA.getKeyID();

        private Builder(String subject) {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(ISSUER)
                    .audience(AUDIENCE)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now))
                    .notBeforeTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                    .claim("upn", subject);
        }

        public Builder groups(String... groups) {
            claims.claim("groups", List.of(groups));
            return this;
        }

        public Builder issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        public Builder audience(String audience) {
            claims.audience(audience);
            return this;
        }

        public Builder expiresAt(Instant expiry) {
            claims.expirationTime(expiry == null ? null : Date.from(expiry));
            return this;
        }

        public Builder notBefore(Instant notBefore) {
            claims.notBeforeTime(notBefore == null ? null : Date.from(notBefore));
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            claims.issueTime(issuedAt == null ? null : Date.from(issuedAt));
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Sign with the issuer's EC key (ES256) instead of RSA. */
        public Builder es256() {
            algorithm = JWSAlgorithm.ES256;
            kid = TestKeys.EC.getKeyID();
            return this;
        }

        /** Sign with a key the gateway does not trust (same kid as the real one). */
        public Builder signedByAttacker() {
            try {
                signer = new RSASSASigner(TestKeys.ATTACKER);
                return this;
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        public String sign() {
            try {
                JWSSigner effective = signer != null ? signer
                        : algorithm == JWSAlgorithm.ES256 ? new ECDSASigner(TestKeys.EC) : new RSASSASigner(TestKeys.RSA);
                JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid).build();
                SignedJWT jwt = new SignedJWT(header, claims.build());
                jwt.sign(effective);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
