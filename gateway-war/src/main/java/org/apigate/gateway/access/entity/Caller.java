package org.apigate.gateway.access.entity;

/** Who is calling: the token's subject (a user id) and whether it carries the {@code admin} role. */
public record Caller(String subject, boolean admin) {

    public boolean is(String userId) {
        return subject != null && subject.equals(userId);
    }
}
