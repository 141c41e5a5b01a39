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
import org.apigate.common.openapi.ApiComponents;
import org.apigate.inventory.Identifier;
import org.apigate.inventory.reservation.control.Reservations;
import org.apigate.inventory.reservation.entity.ReservationForm;
import org.apigate.inventory.reservation.entity.ReservationView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stock held for orders. Only the order service (its service credential, role {@code service}) and an admin may
 * reserve, release or read reservations: a customer's order goes through the order service, which checks it first;
 * a customer holding stock directly would bypass that.
 */
@Path("reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Tag(name = "reservations", description = "Stock held for orders, all lines or none")
public class ReservationsResource {

    private static final String ID = "The reservation's id: 1 to 64 letters, digits, '.', '_' or '-'";

    /** Response header with the number of reservations in all pages (as for items). */
    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    Reservations reservations;

    /** 201 for the reservation and every repeat of it; refusals (409, 422) are problems from the control. */
    @POST
    @Operation(operationId = "reserveStock", summary = "Reserve stock",
            description = "Holds every line's quantity, or nothing when any line is short. Idempotent: repeating "
                    + "the same id and lines answers the first outcome.")
    @APIResponse(responseCode = "201", description = "The reservation, RESERVED (also for a repeat)",
            headers = @Header(name = ApiComponents.LOCATION, ref = ApiComponents.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "409", description = "A line is short and nothing is held (out-of-stock, with "
            + "shortSkus), or the id was released and cannot be reserved again (reservation-released)")
    @APIResponse(responseCode = "422", description = "The id was reserved with other lines (reservation-id-reused)")
    public Response reserve(@RequestBody(required = true) @Valid @NotNull(message = "a JSON body is required")
                            ReservationForm form, @Context UriInfo uri) {
        ReservationView reservation = reservations.reserve(form);
        return Response.created(uri.getAbsolutePathBuilder().path(reservation.id()).build())
                .entity(reservation).build();
    }

    /**
     * Reservations in pages, by id, with {@code X-Total-Count} as for items; with {@code sku} only those holding or
     * asking for that SKU. Lets an auditor (or a test after a crash) compare what inventory holds with the orders.
     */
    @GET
    @Operation(operationId = "listReservations", summary = "List reservations",
            description = "Every reservation by id, or those with a line of sku, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of reservations",
            headers = @Header(name = ApiComponents.X_TOTAL_COUNT, ref = ApiComponents.X_TOTAL_COUNT),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReservationView.class)))
    @APIResponse(responseCode = "400", description = "Not a SKU, or limit or offset out of range (invalid-request)")
    public Response list(@Parameter(description = "Only reservations with a line of this SKU",
                                 schema = @Schema(pattern = "^" + Identifier.PATTERN + "$"))
                         @QueryParam("sku") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
                         String sku,
                         @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "500"))
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @Parameter(description = "Reservations to skip", schema = @Schema(minimum = "0"))
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return Response.ok(reservations.list(sku, limit, offset)).header(TOTAL_COUNT, reservations.count(sku)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getReservation", summary = "Read a reservation")
    @APIResponse(responseCode = "200", description = "The reservation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "400", description = "Not a reservation id (invalid-request)")
    @APIResponse(responseCode = "404", description = "No reservation with this id")
    public ReservationView find(@Parameter(description = ID, schema = @Schema(pattern = "^" + Identifier.PATTERN + "$"))
                                @PathParam("id") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
                                String id) {
        return reservations.find(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "releaseReservation", summary = "Release a reservation",
            description = "Gives the held stock back. Idempotent; releasing an unknown id keeps that id from being "
                    + "reserved later.")
    @APIResponse(responseCode = "204", description = "Released, or nothing was held")
    @APIResponse(responseCode = "400", description = "Not a reservation id (invalid-request)")
    public void release(@Parameter(description = ID, schema = @Schema(pattern = "^" + Identifier.PATTERN + "$"))
                        @PathParam("id") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
                        String id) {
        reservations.release(id);
    }
}
