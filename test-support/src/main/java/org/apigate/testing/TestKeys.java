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
 * Signing keys generated once per test run (never committed): the issuer's RSA and EC keys, an attacker's RSA key
 * nothing may trust, and the service credential's RSA key pair (the order service signs its calls with it). Public
 * keys are written as PEM and JWKS files for {@code mp.jwt.verify.publickey.location} and
 * {@code apigate.service-token.publickey.location}, the service's private key as a PKCS#8 PEM file for
 * {@code apigate.service-token.private-key.location}.
 */
public final class TestKeys {

    public static final RSAKey RSA = generateRsa("test-rsa");
    public static final ECKey EC = generateEc("test-ec");
    public static final RSAKey ATTACKER = generateRsa("test-rsa");
    public static final RSAKey SERVICE = generateRsa("test-service");

    private TestKeys() {
    }

    /** The issuer's RSA public key as a PEM file; returns its {@code file://} URL. */
    public static String rsaPublicKeyPem(Path directory) {
        return write(directory.resolve("rsa-public.pem"), publicPem(RSA));
    }

    /** The service credential's public key as a PEM file; returns its {@code file://} URL. */
    public static String servicePublicKeyPem(Path directory) {
        return write(directory.resolve("service-public.pem"), publicPem(SERVICE));
    }

    /** The service credential's private key as a PKCS#8 PEM file; returns its {@code file://} URL. */
    public static String servicePrivateKeyPem(Path directory) {
        try {
            return write(directory.resolve("service-private.pem"), pem("PRIVATE KEY",
                    SERVICE.toPrivateKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM text of a key's public half, e.g. to use it as an HMAC secret in a forged token. */
    public static String publicPem(RSAKey key) {
        try {
            return pem("PUBLIC KEY", key.toPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
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
