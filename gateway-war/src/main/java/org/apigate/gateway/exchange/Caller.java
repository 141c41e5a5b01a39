package org.apigate.gateway.exchange;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Who sent the request, as authentication found it: a verified token (its subject and roles), or nobody - no token,
 * or a token that was refused ({@code refusal} says why, for the 401 the route may answer).
 */
public record Caller(JsonWebToken token, String refusal) {

    public static final Caller ANONYMOUS = new Caller(null, null);

    public static Caller verified(JsonWebToken token) {
        return new Caller(token, null);
    }

    public static Caller refused(String why) {
        return new Caller(null, why);
    }

    public boolean authenticated() {
        return token != null;
    }

    /** The token's {@code sub}: for a customer, its user id. Null when not authenticated. */
    public String subject() {
        return token == null ? null : token.getSubject();
    }

    public boolean hasRole(String role) {
        Set<String> groups = token == null ? null : token.getGroups();
        return groups != null && groups.contains(role);
    }

    /** Whether the caller is the user {@code userId}. */
    public boolean is(String userId) {
        String subject = subject();
        return subject != null && subject.equals(userId);
    }
}
