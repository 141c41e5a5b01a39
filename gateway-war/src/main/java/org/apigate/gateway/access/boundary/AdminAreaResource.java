package org.apigate.gateway.access.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Everything under {@code /admin} that no operator resource serves: only an admin learns that it does not exist
 * (404); anyone else gets 401/403 as for the real ones, so the admin area cannot be probed.
 */
@Path("")
@RequestScoped
public class AdminAreaResource {

    static final String ADMIN = "admin";

    /**
     * A sub-resource locator, so that it matches every method; it locates nothing. {@code @RolesAllowed} is only
     * enforced on resource methods, not on locators (seen on Payara 6.2025.10), hence the explicit check.
     */
    @Path("{unknown: .*}")
    public Object unknown(@Context SecurityContext caller) {
        if (caller.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        if (!caller.isUserInRole(ADMIN)) {
            throw new ForbiddenException();
        }
        throw new NotFoundException();
    }
}
