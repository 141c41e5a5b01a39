package org.apigate.common.auth;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RolesAllowedFeatureTest {

    @RolesAllowed("admin")
    static class Resource {
        public void adminOnly() {
        }

        @RolesAllowed({"admin", "customer"})
        public void customersToo() {
        }

        @PermitAll
        public void everyone() {
        }

        @DenyAll
        public void nobody() {
        }
    }

    static class Unannotated {
        public void open() {
        }
    }

    /** The filter the feature registers for the method, or null. */
    static ContainerRequestFilter filterFor(Class<?> type, String method) throws NoSuchMethodException {
        Method resourceMethod = type.getMethod(method);
        List<Object> registered = new ArrayList<>();
        ResourceInfo info = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return resourceMethod;
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        };
        FeatureContext context = (FeatureContext) Proxy.newProxyInstance(FeatureContext.class.getClassLoader(),
                new Class<?>[] {FeatureContext.class}, (proxy, invoked, args) -> {
                    registered.add(args[0]);
                    return proxy;
                });
        new RolesAllowedFeature().configure(info, context);
        return registered.isEmpty() ? null : (ContainerRequestFilter) registered.get(0);
    }

    /** A request of a caller with these roles; no roles and no name: anonymous. */
    static ContainerRequestContext request(String name, String... roles) {
        SecurityContext security = (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, invoked, args) -> switch (invoked.getName()) {
                    case "getUserPrincipal" -> name == null ? null : (Principal) () -> name;
                    case "isUserInRole" -> Set.of(roles).contains((String) args[0]);
                    default -> null;
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, invoked, args) -> switch (invoked.getName()) {
                    case "getSecurityContext" -> security;
                    case "getMethod" -> "GET";
                    default -> null;
                });
    }

    @Test
    void refusesAnonymousCallersWith401AndOtherRolesWith403() throws Exception {
        ContainerRequestFilter adminOnly = filterFor(Resource.class, "adminOnly");

        NotAuthorizedException anonymous = assertThrows(NotAuthorizedException.class,
                () -> adminOnly.filter(request(null)));
        assertEquals("Bearer", anonymous.getChallenges().get(0));
        assertThrows(ForbiddenException.class, () -> adminOnly.filter(request("c", "customer")));
        assertDoesNotThrow(() -> adminOnly.filter(request("a", "admin")));
    }

    @Test
    void theMethodsAnnotationWinsOverTheClasss() throws Exception {
        assertDoesNotThrow(() -> filterFor(Resource.class, "customersToo").filter(request("c", "customer")));
        assertEquals(null, filterFor(Resource.class, "everyone"), "@PermitAll lifts the class's rule");
        assertThrows(ForbiddenException.class, () -> filterFor(Resource.class, "nobody").filter(request("a", "admin")));
    }

    @Test
    void leavesUnannotatedResourcesAlone() throws Exception {
        assertEquals(null, filterFor(Unannotated.class, "open"));
    }
}
