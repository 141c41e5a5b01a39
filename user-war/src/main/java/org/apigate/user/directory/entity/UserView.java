package org.apigate.user.directory.entity;

import java.time.Instant;

/** A user as the API shows it. */
public record UserView(String id, String username, String email, String displayName, Instant createdAt) {
}
