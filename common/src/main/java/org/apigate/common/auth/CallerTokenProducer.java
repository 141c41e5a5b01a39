package org.apigate.common.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Set;

/**
 * {@code @Inject JsonWebToken}: the caller's token. Payara's own producer only recognises its internal token class,
 * so it would hand out an empty token for a {@link VerifiedToken}; this enabled alternative takes its place. It
 * returns the token {@link BearerTokenMechanism} accepted for this request, else whatever {@link JsonWebToken} is
 * the caller principal (also Payara's, so a WAR authenticated by another mechanism still gets its caller), else an
 * empty token for an anonymous request.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class CallerTokenProducer {

    /** Request attribute under which the mechanism leaves the token it accepted. */
    static final String ATTRIBUTE = VerifiedToken.class.getName();

    @Inject
    HttpServletRequest request;

    @Inject
    SecurityContext security;

    /** Makes {@code token} the request's caller token, for an authentication step other than the mechanism. */
    public static void remember(HttpServletRequest request, VerifiedToken token) {
        request.setAttribute(ATTRIBUTE, token);
    }

    @Produces
    @RequestScoped
    JsonWebToken callerToken() {
        if (request.getAttribute(ATTRIBUTE) instanceof VerifiedToken verified) {
            return verified;
        }
        Principal caller = security.getCallerPrincipal();
        if (caller instanceof JsonWebToken token) {
            return token;
        }
        Set<JsonWebToken> tokens = security.getPrincipalsByType(JsonWebToken.class);
        return tokens.isEmpty() ? new AnonymousToken() : tokens.iterator().next();
    }
}
