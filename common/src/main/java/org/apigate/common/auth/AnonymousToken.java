package org.apigate.common.auth;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** The token of a request without one: no name, no claims, no roles (a request-scoped producer may not return null). */
final class AnonymousToken implements JsonWebToken {

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return null;
    }

    @Override
    public Set<String> getGroups() {
        return Set.of();
    }
}
