package org.apigate.gateway.auth;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * The gateway's authentication mechanism. An enabled alternative, so Jakarta Security picks it over the MP-JWT
 * mechanism that {@code @LoginConfig(authMethod = "MP-JWT")} installs; it hands every token to that platform
 * mechanism for verification and adds the checks and the error format around it.
 * <p>
 * It runs before any servlet filter and before JAX-RS, for every request that carries credentials: a refused token
 * ends the request here with a 401 problem, which no filter could do once the platform had called
 * {@code sendError(401)} without a body.
 * <p>
 * A token it accepted is remembered ({@link VerifiedTokens}, {@code gateway.auth.verified-token-ttl} seconds at
 * most, never past its {@code exp}), so the platform verifies each token once, not on every request.
 */
@Alternative
// above common's BearerTokenMechanism, also an enabled alternative in this WAR: until the gateway uses common's verifier
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    /** The same key the platform applies to {@code exp}; here it also bounds {@code nbf} and {@code iat}. */
    static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    /** How long at most an accepted token is taken without verifying it again (seconds); read once, at start. */
    static final String VERIFIED_TTL = "gateway.auth.verified-token-ttl";
    /** How many accepted tokens are remembered at most; read once, at start. */
    static final String VERIFIED_CAPACITY = "gateway.auth.verified-tokens";

    @Inject
    MpJwtPlatform platform;

    @Inject
    KeyReload keyReload;

    @Inject
    Config config;

    private VerifiedTokens<CredentialValidationResult> verified;

    @PostConstruct
    void createMemory() {
        verified = new VerifiedTokens<>(config.getOptionalValue(VERIFIED_CAPACITY, Integer.class).orElse(10_000),
                config.getOptionalValue(VERIFIED_TTL, Long.class).orElse(60L));
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        try {
            BearerHeader bearer = BearerHeader.of(request);
            if (bearer == null) {
                return context.doNothing();
            }
            long now = Instant.now().getEpochSecond();
            long skew = config.getOptionalValue(CLOCK_SKEW, Long.class).orElse(0L);
            long keysSeen = keyReload.generation();
            CredentialValidationResult known = verified.get(bearer.token(), now, keysSeen);
            if (known != null) {
                return loginAgain(known, request, response, context, now, skew);
            }
            VerifyingContext verification = verify(bearer, request, response, context, now, skew);
            if (verification.refusedByPlatform() && keyReload.reloadSince(keysSeen)) {
                keysSeen = keyReload.generation();
                verification = verify(bearer, request, response, context, now, skew);
            }
            if (verification.refusal() != null) {
                return Unauthorized.refuse(request, response, verification.refusal());
            }
            if (verification.accepted() != null
                    && verification.accepted().getCallerPrincipal() instanceof JsonWebToken token) {
                verified.put(bearer.token(), verification.accepted(), token.getExpirationTime(), now, keysSeen);
            }
            return verification.status();
        } catch (InvalidTokenException e) {
            return Unauthorized.refuse(request, response, e.getMessage());
        }
    }

    private VerifyingContext verify(BearerHeader bearer, HttpServletRequest request, HttpServletResponse response,
                                    HttpMessageContext context, long now, long skew) throws AuthenticationException {
        VerifyingContext verifying = new VerifyingContext(context, now, skew);
        verifying.status(platform.mechanism().validateRequest(bearer.canonical(request), response, verifying));
        return verifying;
    }

    /**
     * A token accepted before: logged in as the platform mechanism does after verifying it (the principal joins the
     * client subject; Payara 6.2025.10's mechanism does this whether or not the resource is protected), once the time
     * claims that depend on now are checked.
     */
    private static AuthenticationStatus loginAgain(CredentialValidationResult known, HttpServletRequest request,
                                                   HttpServletResponse response, HttpMessageContext context,
                                                   long now, long skew) throws AuthenticationException {
        String refusal = TokenTimes.violation((JsonWebToken) known.getCallerPrincipal(), now, skew);
        if (refusal != null) {
            return Unauthorized.refuse(request, response, refusal);
        }
        context.getClientSubject().getPrincipals().add(known.getCallerPrincipal());
        return context.notifyContainerAboutLogin(known);
    }
}
