package org.apigate.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints JWTs for tests with {@link TestKeys}: valid ones by default, every claim and the key overridable so tests
 * can forge the bad ones - and shape them as real identity providers do (no {@code jti}, {@code typ: at+jwt}, roles
 * in {@code roles} or {@code realm_access.roles}). {@link #service(String)} mints what the order service sends other
 * services: its own credential, signed with {@link TestKeys#SERVICE}.
 */
public final class Tokens {

    public static final String ISSUER = "https://issuer.apigate.test";
    public static final String AUDIENCE = "gateway";
    /** The service credential's issuer: the default of {@code apigate.service-token.issuer}. */
    public static final String SERVICE_ISSUER = "https://apigate.local/services";
    public static final String SERVICE_SUBJECT = "order-service";

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

    /** A service token for calling {@code audience} ({@code user}, {@code inventory}), as the order service mints it. */
    public static String service(String audience) {
        return forService(audience).sign();
    }

    /** A service token under construction: issuer, subject, role and key of the service credential. */
    public static Builder forService(String audience) {
        return new Builder(SERVICE_SUBJECT).issuer(SERVICE_ISSUER).audience(audience).groups("service")
                .signedWith(TestKeys.SERVICE).kid(null);
    }

    /** A token under construction; {@link #sign()} produces the compact serialization. */
    public static final class Builder {
        private final JWTClaimsSet.Builder claims;
        private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
        private JWSSigner signer;
        private RSAKey rsaKey = TestKeys.RSA;
        private String kid = TestKeys.RSA.getKeyID();
        private JOSEObjectType type = JOSEObjectType.JWT;

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

        /**
         * Roles where an identity provider puts them: a claim name ({@code roles}, {@code permissions},
         * {@code https://example.com/roles}) or a JSON Pointer ({@code /realm_access/roles}, nested objects).
         */
        @SuppressWarnings("unchecked")
        public Builder rolesIn(String claimOrPointer, String... roles) {
            if (!claimOrPointer.startsWith("/")) {
                claims.claim(claimOrPointer, List.of(roles));
                return this;
            }
            String[] path = claimOrPointer.substring(1).split("/");
            Map<String, Object> top = new LinkedHashMap<>();
            Map<String, Object> object = top;
            for (int i = 1; i < path.length - 1; i++) {
                Map<String, Object> child = new LinkedHashMap<>();
                object.put(path[i], child);
                object = child;
            }
            object.put(path[path.length - 1], List.of(roles));
            claims.claim(path[0], path.length == 1 ? List.of(roles) : top);
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

        /** No {@code jti}, as Entra ID and Auth0 access tokens. */
        public Builder withoutJti() {
            claims.jwtID(null);
            return this;
        }

        /** The header's {@code typ}, e.g. {@code at+jwt} (RFC 9068); null for none. */
        public Builder type(String type) {
            this.type = type == null ? null : new JOSEObjectType(type);
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
            return signedWith(TestKeys.ATTACKER);
        }

        /** Sign with this RSA key (RS256), keeping the kid. */
        public Builder signedWith(RSAKey key) {
            try {
                signer = new RSASSASigner(key);
                rsaKey = key;
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
                        : algorithm == JWSAlgorithm.ES256 ? new ECDSASigner(TestKeys.EC) : new RSASSASigner(rsaKey);
                JWSHeader header = new JWSHeader.Builder(algorithm).type(type).keyID(kid).build();
                SignedJWT jwt = new SignedJWT(header, claims.build());
                jwt.sign(effective);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
