package org.apigate.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.List;

/**
 * The two beans that {@code @LoginConfig(authMethod = "MP-JWT")} makes Payara install, reached through CDI only
 * (no compile-time dependency on Payara's classes): its authentication mechanism, which the gateway's own mechanism
 * wraps, and its identity store, which holds the issuer's keys.
 */
@ApplicationScoped
class MpJwtPlatform {

    /** Payara's identity store is found by its class name: Payara also registers others (OpenID Connect). */
    static final String IDENTITY_STORE_CLASS = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";

    @Inject
    BeanManager beanManager;

    private volatile HttpAuthenticationMechanism mechanism;

    /** The MP-JWT mechanism: the one mechanism bean that is not the gateway's. */
    HttpAuthenticationMechanism mechanism() {
        if (mechanism == null) {
            Bean<?> bean = only(beanManager.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(b -> !b.getTypes().contains(BearerTokenMechanism.class))
                    // nor common's (an alternative too; getBeans does not resolve them) until the gateway uses it
                    .filter(b -> !b.isAlternative()).toList(), "mechanism");
            mechanism = (HttpAuthenticationMechanism) beanManager.getReference(bean,
                    HttpAuthenticationMechanism.class, beanManager.createCreationalContext(bean));
        }
        return mechanism;
    }

    /**
     * Drops the MP-JWT identity store instance. It is application scoped and caches the keys it read from
     * {@code mp.jwt.verify.publickey.location} (5 minutes, or the JWKS response's {@code Cache-Control: max-age});
     * the next verification creates a fresh one, which reads the keys again.
     */
    void discardKeys() {
        Bean<?> store = only(beanManager.getBeans(IdentityStore.class).stream()
                .filter(b -> b.getTypes().stream().anyMatch(t -> t.getTypeName().equals(IDENTITY_STORE_CLASS)))
                .toList(), "identity store");
        ((AlterableContext) beanManager.getContext(store.getScope())).destroy(store);
    }

    private static Bean<?> only(List<Bean<?>> beans, String what) {
        if (beans.size() != 1) {
            throw new IllegalStateException("Expected exactly one MP-JWT " + what + " bean, found " + beans
                    + ": is @LoginConfig(authMethod = \"MP-JWT\") on the Application class?");
        }
        return beans.get(0);
    }
}
