package org.apigate.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Signing keys generated once per test run (never committed): the issuer's RSA and EC keys, and an attacker's RSA
 * key the gateway must not trust. Public keys are written as PEM and JWKS files for
 * {@code mp.jwt.verify.publickey.location}.
 */
public final class TestKeys {

    public static final RSAKey RSA = generateRsa("test-rsa");
    public static final ECKey EC = generateEc("test-ec");
    public static final RSAKey ATTACKER = generateRsa("test-rsa");

    private TestKeys() {
    }

    /** The issuer's RSA public key as a PEM file; returns its {@code file://} URL. */
    public static String rsaPublicKeyPem(Path directory) {
        try {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(RSA.toPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            return write(directory.resolve("rsa-public.pem"), pem);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's RSA and EC public keys as a JWKS file; returns its {@code file://} URL. */
    public static String jwks(Path directory) {
        return write(directory.resolve("jwks.json"), jwksJson());
    }

    public static String jwksJson() {
        return new JWKSet(java.util.List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString();
    }

    private static String write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file.toAbsolutePath().toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
