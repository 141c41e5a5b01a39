package org.apigate.common.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A bearer token that {@link TokenVerifier} accepted, as MicroProfile JWT's {@link JsonWebToken}: it is the caller
 * principal of the request, and {@code @Inject JsonWebToken} gives it to application code.
 * <ul>
 *   <li>{@link #getName()}: {@code upn}, else {@code preferred_username}, else {@code sub};</li>
 *   <li>{@link #getGroups()}: the roles found where {@code gateway.auth.roles-claim} says (for a service token: its
 *       {@code groups}), whatever the claim is called in the token;</li>
 *   <li>{@link #getClaim(String)}: the types of the MicroProfile JWT specification for its standard claims (e.g.
 *       {@code Long} for {@code exp}), JSON-P values for custom claims, the compact token for {@code raw_token}.</li>
 * </ul>
 */
public final class VerifiedToken implements JsonWebToken {

    private final String rawToken;
    private final Map<String, Object> claims;
    private final Set<String> roles;
    private final long expiresAt;

    VerifiedToken(String rawToken, JWTClaimsSet claims, Set<String> roles) {
        this.rawToken = rawToken;
        this.claims = claims.getClaims();
        this.roles = Set.copyOf(roles);
        this.expiresAt = claims.getExpirationTime().getTime() / 1000;
    }

    @Override
    public String getName() {
        for (String claim : new String[] {Claims.upn.name(), Claims.preferred_username.name(), Claims.sub.name()}) {
            if (claims.get(claim) instanceof String name && !name.isBlank()) {
                return name;
            }
        }
        return null;
    }

    @Override
    public Set<String> getGroups() {
        return roles;
    }

    @Override
    public String getRawToken() {
        return rawToken;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) rawToken;
        }
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        Claims standard = standard(name);
        if (standard == null || standard == Claims.UNKNOWN) {
            return (T) ClaimValues.json(value);
        }
        Class<?> type = standard.getType();
        if (type == Long.class) {
            return (T) ClaimValues.seconds(value);
        }
        if (type == Set.class) {
            return (T) ClaimValues.strings(value);
        }
        if (type == String.class) {
            return (T) (value instanceof String ? value : String.valueOf(value));
        }
        if (type == Boolean.class && value instanceof Boolean) {
            return (T) value;
        }
        return (T) (type == jakarta.json.JsonObject.class ? ClaimValues.object(value) : ClaimValues.json(value));
    }

    /** The claims as nimbus parsed them (registered time claims as dates). */
    Map<String, Object> claims() {
        return claims;
    }

    /** Seconds since the epoch after which the token is expired (without the clock skew). */
    long expiresAt() {
        return expiresAt;
    }

    private static Claims standard(String name) {
        try {
            return Claims.valueOf(name);
        } catch (IllegalArgumentException custom) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "VerifiedToken[sub=" + getSubject() + ", iss=" + getIssuer() + ", roles=" + roles + "]";
    }
}
