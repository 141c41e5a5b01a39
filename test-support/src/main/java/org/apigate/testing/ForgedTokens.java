package org.apigate.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Named;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;

/**
 * Tokens a service must refuse with 401, each claiming the admin role for {@code subject}, so that a single missing
 * check would show as a 200: for a parameterized test, {@code @MethodSource} of {@link #all(String)}.
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    public static List<Named<String>> all(String subject) {
        Instant now = Instant.now();
        return List.of(
                Named.of("bad signature (the attacker's key, the issuer's kid)",
                        admin(subject).signedByAttacker().sign()),
                Named.of("wrong issuer", admin(subject).issuer("https://attacker.example").sign()),
                Named.of("wrong audience", admin(subject).audience("someone-else").sign()),
                Named.of("expired beyond the clock skew", admin(subject).expiresAt(now.minusSeconds(300)).sign()),
                Named.of("no expiry", admin(subject).expiresAt(null).sign()),
                Named.of("not valid before an hour from now", admin(subject).notBefore(now.plusSeconds(3600)).sign()),
                Named.of("alg none", unsigned(subject)),
                Named.of("HS256 keyed with the issuer's public key", hs256WithThePublicKey(subject)),
                Named.of("typ foo", admin(subject).type("foo").sign()),
                Named.of("encrypted-token shape (five parts)", admin(subject).sign() + ".AAAA.BBBB"));
    }

    private static Tokens.Builder admin(String subject) {
        return Tokens.forSubject(subject).groups("admin");
    }

    private static String unsigned(String subject) {
        try {
            return new PlainJWT(JWTClaimsSet.parse(claimsOf(admin(subject).sign()))).serialize();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic key confusion: HS256 with the RSA public key's PEM text as the shared secret. */
    private static String hs256WithThePublicKey(String subject) {
        try {
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                            .keyID(TestKeys.RSA.getKeyID()).build(),
                    new Payload(claimsOf(admin(subject).sign())));
            jws.sign(new MACSigner(TestKeys.publicPem(TestKeys.RSA).getBytes(StandardCharsets.US_ASCII)));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claimsOf(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
