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
import org.apigate.common.auth.BearerTokenMechanism;

/**
 * The container's authentication in the gateway: the MP JWT realm every WAR uses ({@link BearerTokenMechanism})
 * for the operators' area, {@code /admin/**}, whose JAX-RS resources check {@code @RolesAllowed}. Every other request
 * is the pipeline's, which authenticates it as one of its stages ({@link Authenticate}, same verifier) after the rate
 * limit could count it - so the container leaves it alone.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class AdminAreaAuthentication implements HttpAuthenticationMechanism {

    @Inject
    BearerTokenMechanism realm;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        String path = request.getRequestURI();
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return realm.validateRequest(request, response, context);
        }
        return context.doNothing();
    }
}
