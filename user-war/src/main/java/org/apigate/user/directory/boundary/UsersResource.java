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
import org.apigate.common.openapi.ApiComponents;
import org.apigate.common.auth.Roles;
import org.apigate.user.directory.control.UserDirectory;
import org.apigate.user.directory.entity.UserForm;
import org.apigate.user.directory.entity.UserView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "users", description = "The shop's users")
public class UsersResource {

    /** Response header with the number of users in all pages, for clients that page through the list. */
    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    UserDirectory directory;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "registerUser", summary = "Register a user",
            description = "Creates a user with a new id; username and email must not be registered yet.")
    @APIResponse(responseCode = "201", description = "The user, registered",
            headers = @Header(name = ApiComponents.LOCATION, ref = ApiComponents.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The username or email is registered already (duplicate-user)")
    public Response register(@RequestBody(required = true) @Valid @NotNull(message = "a JSON body is required")
                             UserForm form, @Context UriInfo uri) {
        UserView user = directory.register(form);
        return Response.created(uri.getAbsolutePathBuilder().path(user.id()).build()).entity(user).build();
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List users",
            description = "Every user, oldest first, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of users",
            headers = @Header(name = ApiComponents.X_TOTAL_COUNT, ref = ApiComponents.X_TOTAL_COUNT),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "limit or offset out of range (invalid-request)")
    public Response list(@Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "500"))
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @Parameter(description = "Users to skip", schema = @Schema(minimum = "0"))
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        List<UserView> users = directory.list(limit, offset);
        return Response.ok(users).header(TOTAL_COUNT, directory.count()).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER, Roles.SERVICE})
    @Operation(operationId = "getUser", summary = "Read a user",
            description = "A customer reads only its own user; the order service reads any.")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No user with this id")
    public UserView find(@Parameter(description = "The user's id") @PathParam("id") String id) {
        if (!caller.hasRole(Roles.SERVICE)) {
            caller.requireActingFor(id, "read user " + id);
        }
        return directory.find(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "replaceUser", summary = "Replace a user's details",
            description = "A customer replaces only its own user.")
    @APIResponse(responseCode = "200", description = "The user, replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No user with this id")
    @APIResponse(responseCode = "409", description = "The username or email is another user's (duplicate-user)")
    public UserView replace(@Parameter(description = "The user's id") @PathParam("id") String id,
                            @RequestBody(required = true) @Valid @NotNull(message = "a JSON body is required")
                            UserForm form) {
        caller.requireActingFor(id, "replace user " + id);
        return directory.replace(id, form);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUser", summary = "Delete a user")
    @APIResponse(responseCode = "204", description = "The user is deleted")
    @APIResponse(responseCode = "404", description = "No user with this id")
    public void delete(@Parameter(description = "The user's id") @PathParam("id") String id) {
        directory.delete(id);
    }
}
