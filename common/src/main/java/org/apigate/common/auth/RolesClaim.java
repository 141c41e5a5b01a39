package org.apigate.common.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the users' tokens carry their roles ({@code gateway.auth.roles-claim}): identity providers disagree. A
 * claim name - {@code groups} (MicroProfile JWT, the default), {@code roles} (Entra ID), {@code permissions} or
 * {@code https://example.com/roles} (Auth0) - or, starting with {@code /}, an RFC 6901 JSON Pointer into nested
 * claims: {@code /realm_access/roles} for Keycloak's default tokens. The value found is a JSON array of strings
 * (other elements are ignored) or a single string, which is one role: nothing is split at spaces.
 */
public final class RolesClaim {

    public static final String DEFAULT = "groups";

    private final String setting;
    private final List<String> path;

    private RolesClaim(String setting, List<String> path) {
        this.setting = setting;
        this.path = path;
    }

    /** A claim name, or a JSON Pointer when it starts with {@code /}; blank means {@value #DEFAULT}. */
    public static RolesClaim of(String setting) {
        String claim = setting == null || setting.isBlank() ? DEFAULT : setting.strip();
        if (!claim.startsWith("/")) {
            return new RolesClaim(claim, List.of(claim));
        }
        List<String> tokens = new ArrayList<>();
        for (String token : claim.substring(1).split("/", -1)) {
            // RFC 6901: "~1" is "/", "~0" is "~", in this order
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return new RolesClaim(claim, List.copyOf(tokens));
    }

    /** The roles in {@code claims} (a JWT's claims as parsed: maps, lists, strings, numbers); empty when absent. */
    public Set<String> in(Map<String, Object> claims) {
        Object value = claims;
        for (String token : path) {
            value = child(value, token);
            if (value == null) {
                return Set.of();
            }
        }
        if (value instanceof String role) {
            return Set.of(role);
        }
        if (value instanceof List<?> list) {
            Set<String> roles = new LinkedHashSet<>();
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(roles::add);
            return Collections.unmodifiableSet(roles);
        }
        return Set.of();
    }

    private static Object child(Object parent, String token) {
        if (parent instanceof Map<?, ?> map) {
            return map.get(token);
        }
        if (parent instanceof List<?> list && token.matches("0|[1-9][0-9]{0,8}")) {
            int index = Integer.parseInt(token);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    @Override
    public String toString() {
        return setting;
    }
}
