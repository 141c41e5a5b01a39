package org.apigate.common.auth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM keys read with the JDK alone (nimbus's own PEM reader needs BouncyCastle, which Payara does not give
 * applications): public keys ({@code PUBLIC KEY}, X.509 SubjectPublicKeyInfo, RSA or EC; or a {@code CERTIFICATE})
 * as JWKs for verifying, and an RSA private key ({@code PRIVATE KEY}, PKCS#8, as {@code openssl genpkey} writes it)
 * for signing service tokens.
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeys() {
    }

    public static boolean isPem(String text) {
        return text.strip().startsWith("-----BEGIN ");
    }

    /** Every public key or certificate block of {@code pem}, as a JWK without key id. */
    public static List<JWK> publicKeys(String pem) {
        List<JWK> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "PUBLIC KEY" -> keys.add(jwk(publicKey(der)));
                case "CERTIFICATE" -> keys.add(jwk(certificateKey(der)));
                default -> {
                    // other blocks (a private key next to the public one, parameters) carry no verification key
                }
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no PUBLIC KEY or CERTIFICATE block in the PEM text");
        }
        return keys;
    }

    /** The RSA private key of the first {@code PRIVATE KEY} block (PKCS#8). */
    public static RSAPrivateKey rsaPrivateKey(String pem) {
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            if (block.group(1).equals("PRIVATE KEY")) {
                try {
                    return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(2))));
                } catch (GeneralSecurityException | ClassCastException e) {
                    throw new IllegalArgumentException("the PRIVATE KEY block is not an RSA key in PKCS#8", e);
                }
            }
        }
        throw new IllegalArgumentException("no PRIVATE KEY (PKCS#8) block in the PEM text");
    }

    private static PublicKey publicKey(byte[] der) {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("the PUBLIC KEY block is neither an RSA nor an EC key");
    }

    private static PublicKey certificateKey(byte[] der) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the CERTIFICATE block is not an X.509 certificate", e);
        }
    }

    private static JWK jwk(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
        throw new IllegalArgumentException("unsupported public key type " + key.getAlgorithm());
    }
}
