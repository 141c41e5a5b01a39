package org.apigate.common.auth;

import java.util.Date;
import java.util.Map;

/**
 * {@code nbf} (not before) and {@code iat} (issued at) must not lie in the future beyond the clock skew. Checked at
 * every use of a token, also one remembered as verified: both depend on the time of the request.
 */
final class TokenTimes {

    private TokenTimes() {
    }

    static void checkNotInFuture(Map<String, Object> claims, long nowSeconds, long skewSeconds)
            throws TokenRefusedException {
        long latest = nowSeconds + skewSeconds;
        if (seconds(claims.get("nbf")) > latest) {
            throw new TokenRefusedException("The token is not valid yet (nbf).");
        }
        if (seconds(claims.get("iat")) > latest) {
            throw new TokenRefusedException("The token was issued in the future (iat).");
        }
    }

    /** nimbus parses {@code nbf} and {@code iat} into dates, and refuses a token whose values are no numbers. */
    private static long seconds(Object claim) {
        return claim instanceof Date date ? date.getTime() / 1000 : Long.MIN_VALUE;
    }
}
