package org.apigate.inventory.reservation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apigate.common.auth.Roles;
import org.apigate.inventory.Identifier;
import org.apigate.inventory.reservation.control.Reservations;
import org.apigate.inventory.reservation.entity.ReservationForm;
import org.apigate.inventory.reservation.entity.ReservationView;

/**
 * Stock held for orders. Only the order service (its service credential, role {@code service}) and an admin may
 * reserve, release or read reservations: a customer's order goes through the order service, which checks it first;
 * a customer holding stock directly would bypass that.
 */
@Path("reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
public class ReservationsResource {

    /** Response header with the number of reservations in all pages (as for items). */
    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    Reservations reservations;

    /** 201 for the reservation and every repeat of it; refusals (409, 422) are problems from the control. */
    @POST
    public Response reserve(@Valid @NotNull(message = "a JSON body is required") ReservationForm form,
                            @Context UriInfo uri) {
        ReservationView reservation = reservations.reserve(form);
        return Response.created(uri.getAbsolutePathBuilder().path(reservation.id()).build())
                .entity(reservation).build();
    }

    /**
     * Reservations in pages, by id, with {@code X-Total-Count} as for items; with {@code sku} only those holding or
     * asking for that SKU. Lets an auditor (or a test after a crash) compare what inventory holds with the orders.
     */
    @GET
    public Response list(@QueryParam("sku") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
                         String sku,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return Response.ok(reservations.list(sku, limit, offset)).header(TOTAL_COUNT, reservations.count(sku)).build();
    }

    @GET
    @Path("{id}")
    public ReservationView find(@PathParam("id") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
                                String id) {
        return reservations.find(id);
    }

    @DELETE
    @Path("{id}")
    public void release(@PathParam("id") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
                        String id) {
        reservations.release(id);
    }
}
