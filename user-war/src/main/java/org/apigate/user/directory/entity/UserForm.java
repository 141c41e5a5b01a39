package org.apigate.user.directory.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client sends to create or replace a user. */
public record UserForm(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain only letters, digits, '.', '_' and '-'")
        String username,
        @NotBlank @Email @Size(max = 254)
        String email,
        @NotBlank @Size(max = 200)
        String displayName) {
}
