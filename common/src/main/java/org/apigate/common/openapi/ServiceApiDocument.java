package org.apigate.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.List;
import java.util.Set;

/**
 * A service's {@code /openapi} filter: each WAR names a subclass with its resources in {@code mp.openapi.filter}.
 * The annotations say what is particular to an operation (its success, its own problems, its parameters); this adds
 * what all share ({@link StandardResponses}), the roles from {@code @RolesAllowed} ({@code x-roles} and a sentence of
 * the description), the shared components, and removes what Payara adds that OpenAPI does not allow.
 */
public abstract class ServiceApiDocument implements OASFilter {

    static final String ROLES_EXTENSION = "x-roles";
    private final OperationRoles roles;

    protected ServiceApiDocument(Class<?>... resources) {
        this.roles = OperationRoles.of(resources);
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        PayaraDocument.tidy(api, getClass().getClassLoader());
        SharedComponents.addTo(api);
        Operations.of(api).forEach(operation -> {
            Set<String> accepted = roles.of(operation.getOperationId());
            StandardResponses.complete(operation, accepted);
            if (!accepted.isEmpty()) {
                operation.addExtension(ROLES_EXTENSION, List.copyOf(accepted));
                String description = operation.getDescription() == null ? "" : operation.getDescription() + " ";
                operation.description(description + "Roles: " + String.join(", ", accepted) + ".");
            } else {
                operation.security(List.of(OASFactory.createSecurityRequirement()));
            }
        });
        SharedComponents.defineReferencedHeaders(api);
    }
}
