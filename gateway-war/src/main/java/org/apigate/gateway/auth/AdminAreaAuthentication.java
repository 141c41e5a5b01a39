package org.apigate.gateway.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.apigate.common.auth.BearerHeader;
import org.apigate.common.auth.Caller;
import org.apigate.common.auth.CallerTokenProducer;
import org.apigate.common.auth.Roles;
import org.apigate.common.auth.TokenRefusedException;
import org.apigate.common.auth.TokenVerifier;
import org.apigate.common.auth.Unauthorized;
import org.apigate.common.auth.VerifiedToken;
import org.apigate.common.requestid.RequestId;

import java.security.Principal;

/**
 * The operators' area ({@code /admin/**}, the gateway's JAX-RS application) is for admins only: a request needs a
 * bearer token the shared verifier accepts (401 with the Bearer challenge otherwise, 503 when the issuer's keys cannot
 * be read) with the {@code admin} role (403). The verified token becomes the request's security context and
 * {@code @Inject JsonWebToken}. A JAX-RS filter rather than the container's authentication mechanism, which the
 * gateway does not install at all ({@link ContainerAuthenticationOff}) because it would run for every proxied request
 * too - and with it Payara's {@code @RolesAllowed} support for JAX-RS, so the rule is enforced here, for the whole
 * area at once.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AdminAreaAuthentication implements ContainerRequestFilter {

    @Inject
    TokenVerifier verifier;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        try {
            String token = BearerHeader.tokenOf(request);
            if (token == null) {
                context.abortWith(Response.fromResponse(Unauthorized.missingToken().toResponse(RequestId.of(request)))
                        .header(HttpHeaders.WWW_AUTHENTICATE, Unauthorized.CHALLENGE).build());
                return;
            }
            VerifiedToken caller = verifier.verify(token);
            if (!caller.getGroups().contains(Roles.ADMIN)) {
                context.abortWith(Caller.forbidden("use the operators' area (admins only)")
                        .problem().toResponse(RequestId.of(request)));
                return;
            }
            CallerTokenProducer.remember(request, caller);
            context.setSecurityContext(new Authenticated(caller, context.getSecurityContext().isSecure()));
        } catch (TokenRefusedException refusal) {
            context.abortWith(Unauthorized.refusal(refusal, RequestId.of(request)));
        }
    }

    /** The security context of a request with a verified token: its roles are the token's. */
    private record Authenticated(VerifiedToken caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.getGroups().contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
