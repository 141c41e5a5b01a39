package org.apigate.common.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.logging.Logger;

/**
 * Authenticates every request that carries {@code Authorization: Bearer <token>} with {@link TokenVerifier}: an
 * accepted token makes its {@link VerifiedToken} the caller principal, with its roles as groups (which
 * {@code @RolesAllowed} checks); a refused one ends the request here with a 401 problem and
 * {@code WWW-Authenticate: Bearer error="invalid_token"}, logged as one line without stack trace. A request without
 * bearer credentials passes unauthenticated; a {@code @RolesAllowed} resource then answers 401
 * ({@link MissingTokenMapper}).
 * <p>
 * An enabled alternative, so Jakarta Security takes it instead of the mechanism Payara installs for
 * {@code @LoginConfig(authMethod = "MP-JWT")} - which stays on the applications, because it also switches on
 * Payara's {@code @RolesAllowed} support for JAX-RS. Payara's own verifier is not used: it requires a {@code jti},
 * trusts one issuer and reads roles from {@code groups} only.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerTokenMechanism.class.getName());

    @Inject
    TokenVerifier verifier;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        try {
            String token = BearerHeader.tokenOf(request);
            if (token == null) {
                return context.doNothing();
            }
            VerifiedToken verified = verifier.verify(token);
            request.setAttribute(CallerTokenProducer.ATTRIBUTE, verified);
            return context.notifyContainerAboutLogin(verified, verified.getGroups());
        } catch (TokenRefusedException refusal) {
            String requestId = Unauthorized.requestId(request);
            LOG.info(() -> "Refused the bearer token of " + request.getMethod() + " " + request.getRequestURI()
                    + " from " + request.getRemoteAddr() + " (request " + requestId + "): " + refusal.getMessage());
            return Unauthorized.refuse(response, refusal, requestId);
        }
    }
}
