package org.apigate.gateway.auth;

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
import org.eclipse.microprofile.config.Config;

import java.time.Instant;

/**
 * The gateway's authentication mechanism. An enabled alternative, so Jakarta Security picks it over the MP-JWT
 * mechanism that {@code @LoginConfig(authMethod = "MP-JWT")} installs; it hands every token to that platform
 * mechanism for verification and adds the checks and the error format around it.
 * <p>
 * It runs before any servlet filter and before JAX-RS, for every request that carries credentials: a refused token
 * ends the request here with a 401 problem, which no filter could do once the platform had called
 * {@code sendError(401)} without a body.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    /** The same key the platform applies to {@code exp}; here it also bounds {@code nbf} and {@code iat}. */
    static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";

    @Inject
    MpJwtPlatform platform;

    @Inject
    KeyReload keyReload;

    @Inject
    Config config;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        try {
            BearerHeader bearer = BearerHeader.of(request);
            if (bearer == null) {
                return context.doNothing();
            }
            long keysSeen = keyReload.generation();
            VerifyingContext verification = verify(bearer, request, response, context);
            if (verification.refusedByPlatform() && keyReload.reloadSince(keysSeen)) {
                verification = verify(bearer, request, response, context);
            }
            if (verification.refusal() != null) {
                return Unauthorized.refuse(request, response, verification.refusal());
            }
            return verification.status();
        } catch (InvalidTokenException e) {
            return Unauthorized.refuse(request, response, e.getMessage());
        }
    }

    private VerifyingContext verify(BearerHeader bearer, HttpServletRequest request, HttpServletResponse response,
                                    HttpMessageContext context) throws AuthenticationException {
        long skew = config.getOptionalValue(CLOCK_SKEW, Long.class).orElse(0L);
        VerifyingContext verifying = new VerifyingContext(context, Instant.now().getEpochSecond(), skew);
        verifying.status(platform.mechanism().validateRequest(bearer.canonical(request), response, verifying));
        return verifying;
    }
}
