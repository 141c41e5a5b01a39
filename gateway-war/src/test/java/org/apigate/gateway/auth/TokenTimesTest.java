package org.apigate.gateway.auth;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class TokenTimesTest {

    static final long NOW = 1_800_000_000L;
    static final long SKEW = 60;

    /** A verified token as MP-JWT presents it: numeric date claims as Long. */
    static JsonWebToken token(Object nbf, Object iat) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("nbf", nbf);
        claims.put("iat", iat);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "subject";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    @Test
    void acceptsTimesUpToTheSkewAhead() {
        assertNull(TokenTimes.violation(token(NOW, NOW), NOW, SKEW));
        assertNull(TokenTimes.violation(token(NOW + SKEW, NOW + SKEW), NOW, SKEW));
        assertNull(TokenTimes.violation(token(null, NOW), NOW, SKEW), "nbf is optional");
    }

    @Test
    void refusesANotBeforeBeyondTheSkew() {
        assertNotNull(TokenTimes.violation(token(NOW + SKEW + 1, NOW), NOW, SKEW));
    }

    @Test
    void refusesAnIssuedAtBeyondTheSkew() {
        assertNotNull(TokenTimes.violation(token(NOW, NOW + SKEW + 1), NOW, SKEW));
    }

    @Test
    void refusesATimeClaimThatIsNoNumber() {
        assertNotNull(TokenTimes.violation(token("soon", NOW), NOW, SKEW));
    }
}
