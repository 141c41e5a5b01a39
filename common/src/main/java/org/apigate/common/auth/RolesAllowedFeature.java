package org.apigate.common.auth;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on the JAX-RS resources itself (the
 * method's annotation over the class's): no caller - {@link NotAuthorizedException}, a 401 with the {@code Bearer}
 * challenge ({@link MissingTokenMapper}); a caller without one of the roles - {@link ForbiddenException}, a 403.
 * <p>
 * Payara's MP-JWT registers a filter of its own, but only when the application's JAX-RS runtime starts while Payara
 * still knows which deployment it belongs to. On Payara Server the first application with EJB timers (the order
 * service) deploys Payara's timer application in the middle of its own deployment, and Payara's filter was then
 * missing: the order service answered anonymous requests (seen with 6.2025.9). Where both filters run, the same
 * rule is applied twice, harmlessly.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod() == null || resource.getResourceClass() == null) {
            return; // not a method of a resource class (nothing this application declared)
        }
        ContainerRequestFilter rule = rule(resource.getResourceMethod());
        if (rule == null && !resource.getResourceMethod().isAnnotationPresent(PermitAll.class)) {
            rule = rule(resource.getResourceClass());
        }
        if (rule != null) {
            context.register(rule);
        }
    }

    /** The check the element's own annotation asks for, or null when it has none. */
    private static ContainerRequestFilter rule(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return new RolesFilter(new String[0]);
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        return roles == null ? null : new RolesFilter(roles.value());
    }

    /** Admits a caller with one of {@code roles}; none admits nobody. */
    @Priority(Priorities.AUTHORIZATION)
    static final class RolesFilter implements ContainerRequestFilter {

        private final String[] roles;

        RolesFilter(String[] roles) {
            this.roles = roles.clone();
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (roles.length > 0 && security.getUserPrincipal() == null) {
                throw new NotAuthorizedException(Unauthorized.CHALLENGE);
            }
            if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
                throw new ForbiddenException("The caller's roles do not allow " + request.getMethod() + " on this "
                        + "resource.");
            }
        }
    }
}
