package org.apigate.user.directory.entity;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A user as the API shows it. */
@Schema(name = "User", description = "A registered user",
        requiredProperties = {"id", "username", "email", "displayName", "createdAt"})
public record UserView(
        @Schema(description = "The user's id; a customer's token carries it as sub") String id,
        String username,
        @Schema(format = "email") String email,
        String displayName,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt) {
}
