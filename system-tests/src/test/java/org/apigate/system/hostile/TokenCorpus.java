package org.apigate.system.hostile;

import com.nimbusds.jose.JOSEException;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apigate.system.hostile.TokenCase.bearer;
import static org.apigate.system.hostile.TokenCase.header;

/**
 * The corpus of forged and malformed credentials: every token claims the admin role, so a single mistake in the
 * gateway's checks would show as a request that reaches a service. Grouped as the issue lists them: algorithm
 * tricks, key-selection tricks, claims, encoding and size, and where and how the token is sent.
 */
final class TokenCorpus {

    private static final String KID = TestKeys.RSA.getKeyID();
    private static final byte[] ZERO_KEY = {0};

    private TokenCorpus() {
    }

    static List<TokenCase> all() {
        List<TokenCase> cases = new ArrayList<>();
        cases.addAll(algorithms());
        cases.addAll(keySelection());
        cases.addAll(claims());
        cases.addAll(encoding());
        cases.addAll(transport());
        return cases;
    }

    static List<TokenCase> algorithms() {
        List<TokenCase> cases = new ArrayList<>();
        for (String none : List.of("none", "None", "NONE")) {
            cases.add(bearer("alg " + none + ", no signature",
                    a -> Jws.unsigned(Map.of("alg", none, "typ", "JWT"), adminClaims()) + "."));
            cases.add(bearer("alg " + none + ", with the issuer's signature of another header",
                    a -> withHeader(valid(), Map.of("alg", none, "typ", "JWT"))));
        }
        cases.add(bearer("HS256 keyed with the issuer's RSA public key (PEM)",
                a -> Jws.hs256(Jws.unsigned(hs256(KID), adminClaims()),
                        publicPem().getBytes(StandardCharsets.US_ASCII))));
        cases.add(bearer("HS256 keyed with the issuer's RSA public key (PEM, no final newline)",
                a -> Jws.hs256(Jws.unsigned(hs256(KID), adminClaims()),
                        publicPem().strip().getBytes(StandardCharsets.US_ASCII))));
        cases.add(bearer("HS256 keyed with the issuer's RSA public key (DER)",
                a -> Jws.hs256(Jws.unsigned(hs256(KID), adminClaims()), publicDer())));
        cases.add(bearer("HS256 keyed with the issuer's JWKS text",
                a -> Jws.hs256(Jws.unsigned(hs256(KID), adminClaims()),
                        TestKeys.jwksJson().getBytes(StandardCharsets.UTF_8))));
        cases.add(bearer("ES256 header over an RS256 signature",
                a -> withHeader(valid(), Map.of("alg", "ES256", "typ", "JWT", "kid", TestKeys.EC.getKeyID()))));
        return cases;
    }

    static List<TokenCase> keySelection() {
        List<TokenCase> cases = new ArrayList<>();
        cases.add(bearer("kid path traversal to /dev/null, HS256 with the empty key",
                a -> Jws.hs256(Jws.unsigned(hs256("../../../../dev/null"), adminClaims()), ZERO_KEY)));
        cases.add(bearer("kid path traversal, signed by the attacker",
                a -> attacker(jose("RS256", "kid", "../../../../../../dev/null"))));
        cases.add(bearer("kid SQL injection, HS256 with key 1",
                a -> Jws.hs256(Jws.unsigned(hs256("' OR 1=1 --"), adminClaims()),
                        "1".getBytes(StandardCharsets.US_ASCII))));
        cases.add(bearer("kid SQL injection, signed by the attacker",
                a -> attacker(jose("RS256", "kid", "x' UNION SELECT 'key' --"))));
        cases.add(bearer("jku pointing at the attacker's JWKS",
                a -> attacker(jose("RS256", "kid", "attacker", "jku", a.url("/jwks.json")))));
        cases.add(bearer("jku pointing at the attacker's JWKS, with the issuer's kid",
                a -> attacker(jose("RS256", "kid", KID, "jku", a.url("/jwks.json")))));
        cases.add(bearer("x5u pointing at the attacker's certificate",
                a -> attacker(jose("RS256", "kid", "attacker", "x5u", a.url("/cert.pem")))));
        cases.add(bearer("embedded jwk header with the attacker's key",
                a -> attacker(jose("RS256", "kid", "attacker",
                        "jwk", new Jws.RawJson(TestKeys.ATTACKER.toPublicJWK().toJSONString())))));
        cases.add(bearer("signed by the attacker with the issuer's kid",
                a -> Tokens.forSubject("intruder").groups("admin").signedByAttacker().sign()));
        cases.add(bearer("unknown kid, signed by the attacker",
                a -> attacker(jose("RS256", "kid", "no-such-key"))));
        return cases;
    }

    static List<TokenCase> claims() {
        long now = Instant.now().getEpochSecond();
        List<TokenCase> cases = new ArrayList<>();
        cases.add(bearer("wrong iss", a -> issuer(with(adminClaims(), "iss", "https://attacker.example"))));
        cases.add(bearer("wrong aud", a -> issuer(with(adminClaims(), "aud", "someone-else"))));
        cases.add(bearer("expired an hour ago", a -> issuer(with(adminClaims(), "exp", now - 3600))));
        cases.add(bearer("expired beyond the clock skew", a -> issuer(with(adminClaims(), "exp", now - 180))));
        cases.add(bearer("nbf an hour ahead", a -> issuer(with(adminClaims(), "nbf", now + 3600))));
        cases.add(bearer("iat an hour ahead", a -> issuer(with(adminClaims(), "iat", now + 3600))));
        cases.add(bearer("exp as a string", a -> issuer(with(adminClaims(), "exp", String.valueOf(now + 600)))));
        cases.add(bearer("missing exp", a -> issuer(without(adminClaims(), "exp"))));
        cases.add(bearer("missing iss", a -> issuer(without(adminClaims(), "iss"))));
        cases.add(bearer("missing aud", a -> issuer(without(adminClaims(), "aud"))));
        cases.add(bearer("missing sub and upn", a -> issuer(without(adminClaims(), "sub", "upn"))));
        // an authentic token that grants no role: authenticated, not authorized - 403, as the gateway's own
        // AuthenticationIT.forbidsATokenWithoutGroups fixes it; it must reach no service all the same
        cases.add(new TokenCase("missing groups (authentic, no role: 403)", "",
                a -> List.of("Authorization: Bearer " + issuer(without(adminClaims(), "groups"))), 403));
        cases.add(bearer("payload swapped after signing", a -> {
            String[] parts = Tokens.customer("someone").split("\\.");
            return parts[0] + "." + Jws.b64(Jws.json(adminClaims())) + "." + parts[2];
        }));
        return cases;
    }

    static List<TokenCase> encoding() {
        List<TokenCase> cases = new ArrayList<>();
        cases.add(new TokenCase("100 KB token", "", a -> List.of("Authorization: Bearer " + "A".repeat(100 * 1024)),
                OVERSIZED_HEADER_STATUS));
        cases.add(bearer("bad base64: '!' in the payload", a -> {
            String[] parts = valid().split("\\.");
            return parts[0] + "." + parts[1].substring(0, 10) + "!" + parts[1].substring(10) + "." + parts[2];
        }));
        cases.add(bearer("bad base64: padding on every segment", a -> {
            String[] parts = valid().split("\\.");
            return parts[0] + "==." + parts[1] + "==." + parts[2] + "==";
        }));
        cases.add(bearer("four segments", a -> valid() + ".AAAA"));
        cases.add(bearer("five segments (JWE shape)", a -> valid() + ".AAAA.BBBB"));
        cases.add(bearer("empty segments", a -> ".."));
        cases.add(bearer("empty signature", a -> {
            String token = valid();
            return token.substring(0, token.lastIndexOf('.') + 1);
        }));
        cases.add(bearer("truncated signature", a -> {
            String token = valid();
            return token.substring(0, token.length() - 8);
        }));
        cases.add(bearer("header not JSON", a -> Jws.b64("not json") + "." + valid().split("\\.", 2)[1]));
        cases.add(bearer("not a JWT at all", a -> "hello"));
        return cases;
    }

    static List<TokenCase> transport() {
        List<TokenCase> cases = new ArrayList<>();
        // the scheme is case-insensitive (RFC 9110 11.1): a VALID token with "bearer" is accepted (see the IT);
        // here the token is forged, so what is tested is that the lower-case path still verifies it
        cases.add(header("lower-case bearer scheme, forged token",
                a -> "Authorization: bearer " + attacker(jose("RS256", "kid", KID))));
        cases.add(header("no scheme, the raw token", a -> "Authorization: " + valid()));
        cases.add(header("Basic scheme with credentials", a -> "Authorization: Basic "
                + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.US_ASCII))));
        cases.add(header("Basic scheme carrying a valid token", a -> "Authorization: Basic " + valid()));
        cases.add(header("Bearer with no token", a -> "Authorization: Bearer "));
        cases.add(new TokenCase("two Authorization headers: valid, then forged", "", a -> List.of(
                "Authorization: Bearer " + valid(), "Authorization: Bearer " + attacker(jose("RS256", "kid", KID))),
                401));
        cases.add(new TokenCase("two Authorization headers, both valid", "", a -> List.of(
                "Authorization: Bearer " + valid(), "Authorization: Bearer " + valid()), 401));
        cases.add(new TokenCase("valid token in the query string (access_token)", "?access_token=" + valid(),
                a -> List.of(), 401));
        cases.add(header("valid token in a cookie", a -> "Cookie: access_token=" + valid() + "; Bearer=" + valid()));
        cases.add(header("valid token in X-Authorization", a -> "X-Authorization: Bearer " + valid()));
        return cases;
    }

    /**
     * What Payara's HTTP listener answers a request whose header block is larger than it accepts (about 8 KiB):
     * it refuses it itself, before the application, with 400 (Grizzly has no 431).
     */
    static final int OVERSIZED_HEADER_STATUS = 400;

    // --- building blocks ---

    static String valid() {
        return Tokens.admin("admin-" + Long.toHexString(System.nanoTime()));
    }

    static Map<String, Object> adminClaims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", Tokens.ISSUER);
        claims.put("aud", Tokens.AUDIENCE);
        claims.put("sub", "intruder");
        claims.put("upn", "intruder");
        claims.put("groups", List.of("admin", "customer"));
        claims.put("jti", "j-" + System.nanoTime());
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 600);
        return claims;
    }

    private static Map<String, Object> without(Map<String, Object> claims, String... names) {
        for (String name : names) {
            claims.remove(name);
        }
        return claims;
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        claims.put(name, value);
        return claims;
    }

    /** Signed with the issuer's real key: only the claims are wrong. */
    private static String issuer(Map<String, Object> claims) {
        return Jws.rs256(Jws.unsigned(jose("RS256", "kid", KID), claims), TestKeys.RSA);
    }

    private static String attacker(Map<String, Object> header) {
        return Jws.rs256(Jws.unsigned(header, adminClaims()), TestKeys.ATTACKER);
    }

    private static Map<String, Object> jose(String alg, Object... more) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        for (int i = 0; i < more.length; i += 2) {
            header.put((String) more[i], more[i + 1]);
        }
        return header;
    }

    private static Map<String, Object> hs256(String kid) {
        return jose("HS256", "kid", kid);
    }

    /** The token's payload and signature under another header. */
    private static String withHeader(String token, Map<String, Object> header) {
        return Jws.b64(Jws.json(header)) + token.substring(token.indexOf('.'));
    }

    private static String publicPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicDer())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] publicDer() {
        try {
            return TestKeys.RSA.toPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
