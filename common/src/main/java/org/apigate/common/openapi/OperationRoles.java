package org.apigate.common.openapi;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The roles each operation accepts, read from the resources' {@code @RolesAllowed} (the method's, else the class's),
 * so that the document cannot disagree with what the service enforces. Operations are matched by operationId: the
 * {@code @Operation}'s, else the method's name.
 */
public final class OperationRoles {

    private final Map<String, Set<String>> roles = new HashMap<>();

    private OperationRoles() {
    }

    public static OperationRoles of(Class<?>... resources) {
        OperationRoles index = new OperationRoles();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                if (isResourceMethod(method)) {
                    index.roles.put(operationId(method), rolesOf(resource, method));
                }
            }
        }
        return index;
    }

    /** The roles {@code operationId} accepts, in declaration order; empty when it needs no token or is unknown. */
    public Set<String> of(String operationId) {
        return roles.getOrDefault(operationId, Set.of());
    }

    private static boolean isResourceMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static String operationId(Method method) {
        Operation operation = method.getAnnotation(Operation.class);
        return operation != null && !operation.operationId().isEmpty() ? operation.operationId() : method.getName();
    }

    private static Set<String> rolesOf(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Set.of();
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class) : resource.getAnnotation(RolesAllowed.class);
        return allowed == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(allowed.value()));
    }
}
