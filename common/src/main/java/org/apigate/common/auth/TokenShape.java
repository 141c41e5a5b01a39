package org.apigate.common.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.util.Locale;
import java.util.Set;

/**
 * What a token must look like before any key is touched: a compact JWS of at most {@value #MAX_LENGTH} characters,
 * signed with RS256 or ES256, typed {@code JWT}, {@code at+jwt} (RFC 9068 access tokens, any case) or untyped, with
 * no critical header parameters. Refused here: {@code alg: none}, HS256 and friends (where an issuer's public key
 * would serve as the HMAC secret), encrypted tokens (JWE), any other {@code typ} (an ID token's or a logout
 * token's is not an access token).
 */
final class TokenShape {

    /** 8 KiB: far above a real access token with dozens of roles; the HTTP listener refuses larger headers anyway. */
    static final int MAX_LENGTH = 8192;
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    static final Set<String> TYPES = Set.of("jwt", "at+jwt");
    private static final int JWS_SEGMENTS = 3;
    private static final int JWE_SEGMENTS = 5;

    private TokenShape() {
    }

    /** The token as a signed JWT whose header passed {@link #check(JWSHeader)}; its signature is not verified yet. */
    static SignedJWT parse(String token) throws TokenRefusedException {
        if (token.length() > MAX_LENGTH) {
            throw new TokenRefusedException("The bearer token is longer than " + MAX_LENGTH + " characters.");
        }
        int segments = segments(token);
        if (segments == JWE_SEGMENTS) {
            throw new TokenRefusedException("Encrypted tokens (JWE) are not accepted: send a signed JWT.");
        }
        if (segments != JWS_SEGMENTS) {
            throw new TokenRefusedException("The bearer token is not a compact JWS (three dot-separated parts).");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new TokenRefusedException("The bearer token is not a well-formed JWT.");
        }
        if (jwt instanceof PlainJWT) {
            throw new TokenRefusedException("Unsigned tokens (alg none) are not accepted.");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new TokenRefusedException("Encrypted tokens (JWE) are not accepted: send a signed JWT.");
        }
        check(signed.getHeader());
        return signed;
    }

    static void check(JWSHeader header) throws TokenRefusedException {
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new TokenRefusedException("The token's algorithm (alg) is not accepted: only RS256 and ES256.");
        }
        JOSEObjectType type = header.getType();
        if (type != null && !TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            throw new TokenRefusedException("The token's type (typ) is not accepted: only JWT or at+jwt.");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new TokenRefusedException("Tokens with critical header parameters (crit) are not accepted.");
        }
    }

    private static int segments(String token) {
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                dots++;
            }
        }
        return dots + 1;
    }
}
