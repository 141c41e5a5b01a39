package org.apigate.common.auth;

import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Whose tokens a WAR accepts, from MicroProfile Config, read once when the verifier starts:
 * <ul>
 *   <li>the users' identity provider, with the MicroProfile JWT keys {@value #USER_KEYS}, {@value #USER_ISSUER},
 *       {@value #USER_AUDIENCES} (comma-separated) - the same values as the gateway's - and the roles claim
 *       {@value #ROLES_CLAIM};</li>
 *   <li>the service issuer (apigate's own services calling each other), when {@value #SERVICE_KEYS} and this WAR's
 *       {@value #SERVICE_AUDIENCE} are set: issuer {@value #SERVICE_ISSUER} (default {@value #DEFAULT_SERVICE_ISSUER}),
 *       roles in {@code groups}.</li>
 * </ul>
 * An issuer whose settings are incomplete is left out with a warning: its tokens are refused, nothing fails to
 * deploy.
 */
final class TrustSettings {

    static final String USER_KEYS = "mp.jwt.verify.publickey.location";
    static final String USER_ISSUER = "mp.jwt.verify.issuer";
    static final String USER_AUDIENCES = "mp.jwt.verify.audiences";
    static final String ROLES_CLAIM = "gateway.auth.roles-claim";
    static final String SERVICE_KEYS = "apigate.service-token.publickey.location";
    static final String SERVICE_ISSUER = "apigate.service-token.issuer";
    static final String SERVICE_AUDIENCE = "apigate.service-token.audience";
    static final String DEFAULT_SERVICE_ISSUER = "https://apigate.local/services";
    static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    static final String REMEMBER_SECONDS = "gateway.auth.verified-token-ttl";
    static final String REMEMBER_CAPACITY = "gateway.auth.verified-tokens";
    static final String RELOAD_INTERVAL = "gateway.auth.key-reload-interval";
    private static final Logger LOG = Logger.getLogger(TrustSettings.class.getName());

    private final Config config;

    TrustSettings(Config config) {
        this.config = config;
    }

    long skewSeconds() {
        return config.getOptionalValue(CLOCK_SKEW, Long.class).orElse(60L);
    }

    long rememberSeconds() {
        return config.getOptionalValue(REMEMBER_SECONDS, Long.class).orElse(60L);
    }

    int rememberCapacity() {
        return config.getOptionalValue(REMEMBER_CAPACITY, Integer.class).orElse(10_000);
    }

    long reloadIntervalMillis() {
        return config.getOptionalValue(RELOAD_INTERVAL, Long.class).orElse(30L) * 1000;
    }

    /** The trusted issuers; {@code keysChanged} is called whenever one of them reads other keys than before. */
    List<TrustedIssuer> issuers(Runnable keysChanged) {
        List<TrustedIssuer> issuers = new ArrayList<>();
        users(keysChanged).ifPresent(issuers::add);
        services(keysChanged).ifPresent(issuers::add);
        issuers.forEach(issuer -> LOG.info(() -> "Bearer tokens accepted from " + issuer));
        return issuers;
    }

    private Optional<TrustedIssuer> users(Runnable keysChanged) {
        Optional<String> keys = value(USER_KEYS);
        Optional<String> issuer = value(USER_ISSUER);
        Set<String> audiences = new LinkedHashSet<>();
        config.getOptionalValues(USER_AUDIENCES, String.class).orElse(List.of()).stream().map(String::strip)
                .filter(audience -> !audience.isEmpty()).forEach(audiences::add);
        if (keys.isEmpty() || issuer.isEmpty() || audiences.isEmpty()) {
            LOG.warning(() -> "Users' tokens are refused: set " + USER_KEYS + ", " + USER_ISSUER + " and "
                    + USER_AUDIENCES);
            return Optional.empty();
        }
        RolesClaim roles = RolesClaim.of(value(ROLES_CLAIM).orElse(RolesClaim.DEFAULT));
        return issuer(issuer.get(), audiences, keys.get(), roles, role -> !Roles.SERVICE.equals(role), keysChanged);
    }

    private Optional<TrustedIssuer> services(Runnable keysChanged) {
        Optional<String> keys = value(SERVICE_KEYS);
        Optional<String> audience = value(SERVICE_AUDIENCE);
        if (keys.isEmpty() || audience.isEmpty()) {
            LOG.info(() -> "Service tokens are not accepted here (" + SERVICE_KEYS + " or " + SERVICE_AUDIENCE
                    + " not set)");
            return Optional.empty();
        }
        return issuer(value(SERVICE_ISSUER).orElse(DEFAULT_SERVICE_ISSUER), Set.of(audience.get()), keys.get(),
                RolesClaim.of(RolesClaim.DEFAULT), Roles.SERVICE::equals, keysChanged);
    }

    private Optional<TrustedIssuer> issuer(String issuer, Set<String> audiences, String keyLocation,
                                           RolesClaim roles, java.util.function.Predicate<String> grants,
                                           Runnable keysChanged) {
        try {
            IssuerKeys keys = new IssuerKeys(keyLocation, reloadIntervalMillis(), keysChanged);
            return Optional.of(new TrustedIssuer(issuer, audiences, keys, roles, grants));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Tokens of " + issuer + " are refused: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }
}
