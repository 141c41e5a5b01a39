package org.apigate.user.directory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apigate.common.auth.Caller;
import org.apigate.common.auth.Roles;
import org.apigate.user.directory.control.UserDirectory;
import org.apigate.user.directory.entity.UserForm;
import org.apigate.user.directory.entity.UserView;

import java.util.List;

/**
 * Users. Who may do what: an admin everything; a customer reads and replaces only its own user (its token's
 * {@code sub} is the id); the order service (role {@code service}) reads any user to check that it exists. Only an
 * admin registers, lists and deletes users. The owner is checked before the user is looked up, so a customer cannot
 * learn which ids exist.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UsersResource {

    /** Response header with the number of users in all pages, for clients that page through the list. */
    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    UserDirectory directory;

    @Inject
    Caller caller;

    @POST
    public Response register(@Valid @NotNull(message = "a JSON body is required") UserForm form,
                             @Context UriInfo uri) {
        UserView user = directory.register(form);
        return Response.created(uri.getAbsolutePathBuilder().path(user.id()).build()).entity(user).build();
    }

    @GET
    public Response list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        List<UserView> users = directory.list(limit, offset);
        return Response.ok(users).header(TOTAL_COUNT, directory.count()).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER, Roles.SERVICE})
    public UserView find(@PathParam("id") String id) {
        if (!caller.hasRole(Roles.SERVICE)) {
            caller.requireActingFor(id, "read user " + id);
        }
        return directory.find(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER})
    public UserView replace(@PathParam("id") String id,
                            @Valid @NotNull(message = "a JSON body is required") UserForm form) {
        caller.requireActingFor(id, "replace user " + id);
        return directory.replace(id, form);
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id) {
        directory.delete(id);
    }
}
