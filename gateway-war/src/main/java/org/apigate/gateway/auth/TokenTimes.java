package org.apigate.gateway.auth;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The time claims Payara's MP-JWT does not check: {@code nbf} (not before) and {@code iat} (issued at) must not lie
 * in the future by more than the clock skew. {@code exp} is checked by the platform with the same skew.
 */
final class TokenTimes {

    private TokenTimes() {
    }

    /** Why the verified token is not valid at {@code nowSeconds}, or null when it is. */
    static String violation(JsonWebToken token, long nowSeconds, long skewSeconds) {
        long latestAcceptable = nowSeconds + skewSeconds;
        try {
            Long notBefore = token.getClaim(Claims.nbf.name());
            if (notBefore != null && notBefore > latestAcceptable) {
                return "The bearer token is not valid yet (nbf).";
            }
            Long issuedAt = token.getClaim(Claims.iat.name());
            if (issuedAt != null && issuedAt > latestAcceptable) {
                return "The bearer token was issued in the future (iat).";
            }
            return null;
        } catch (ClassCastException notANumber) {
            return "The bearer token's nbf or iat claim is not a number.";
        }
    }
}
