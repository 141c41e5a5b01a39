package org.apigate.user.directory.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace a user. */
@Schema(name = "UserForm", description = "A user to register, or a user's new details",
        requiredProperties = {"username", "email", "displayName"})
public record UserForm(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain only letters, digits, '.', '_' and '-'")
        @Schema(description = "Unique; letters, digits, '.', '_' and '-'", minLength = 1, maxLength = 64,
                pattern = "^[A-Za-z0-9._-]+$", example = "ada")
        String username,
        @NotBlank @Email @Size(max = 254)
        @Schema(description = "Unique", format = "email", minLength = 1, maxLength = 254, example = "ada@example.org")
        String email,
        @NotBlank @Size(max = 200)
        @Schema(description = "Not blank", minLength = 1, maxLength = 200, example = "Ada Lovelace")
        String displayName) {
}
