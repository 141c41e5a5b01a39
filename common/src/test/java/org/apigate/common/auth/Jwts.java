package org.apigate.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Keys and tokens for the unit tests of the verifier: generated per run, signed with nimbus. */
final class Jwts {

    static final RSAKey RSA = rsa("rsa-1");
    static final RSAKey OTHER_RSA = rsa("rsa-2");
    static final ECKey EC = ec("ec-1");
    static final String ISSUER = "https://idp.example";
    static final String AUDIENCE = "gateway";

    private Jwts() {
    }

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims valid at {@code nowSeconds}: iss, aud, sub, iat, nbf, exp (10 min), no jti. */
    static JWTClaimsSet.Builder claims(long nowSeconds) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("user-1")
                .issueTime(new Date(nowSeconds * 1000)).notBeforeTime(new Date(nowSeconds * 1000))
                .expirationTime(new Date((nowSeconds + 600) * 1000)).claim("groups", List.of("customer"));
    }

    static String sign(JWTClaimsSet claims, JWK key, String typ) {
        try {
            boolean ec = key instanceof ECKey;
            JWSHeader header = new JWSHeader.Builder(ec ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).type(typ == null ? null : new JOSEObjectType(typ)).build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(ec ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWTClaimsSet claims, JWK key) {
        return sign(claims, key, "JWT");
    }

    static String publicPem(RSAKey key) {
        try {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String privatePem(RSAKey key) {
        try {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toPrivateKey().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    /** Writes {@code content} to {@code file}; returns its file: URL. */
    static String write(Path file, String content) {
        try {
            Files.writeString(file, content);
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> keycloakRoles(String... roles) {
        return Map.of("roles", List.of(roles));
    }
}
