package org.apigate.system.hostile;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hand-made JWS compact serializations, for tokens a JOSE library refuses to produce: any header (alg none, jku,
 * embedded jwk), any claim types (exp as a string), an HMAC over the issuer's public key. Claims and headers are
 * maps of String, Number and List values written as JSON in their order.
 */
final class Jws {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jws() {
    }

    static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String json(Map<String, ?> members) {
        return members.entrySet().stream().map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Jws::value).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof RawJson raw) {
            return raw.json();
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The signing input {@code b64(header).b64(claims)}. */
    static String unsigned(Map<String, ?> header, Map<String, ?> claims) {
        return b64(json(header)) + "." + b64(json(claims));
    }

    static String rs256(String signingInput, RSAKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.toPrivateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 with any key bytes (HMAC pads a short key with zeros, so {0} stands for the empty key). */
    static String hs256(String signingInput, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] mac256 = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(mac256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value written into the JSON as it is, e.g. a nested object. */
    record RawJson(String json) {
    }
}
