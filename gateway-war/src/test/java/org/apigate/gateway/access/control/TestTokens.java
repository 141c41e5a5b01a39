package org.apigate.gateway.access.control;

import org.apigate.gateway.exchange.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Verified callers for tests: a token with a subject and groups, nothing else. */
final class TestTokens {

    private TestTokens() {
    }

    static Caller caller(String subject, String... groups) {
        Map<String, Object> claims = new HashMap<>();
        if (subject != null) {
            claims.put("sub", subject);
        }
        claims.put("groups", Set.of(groups));
        return Caller.verified(new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        });
    }
}
