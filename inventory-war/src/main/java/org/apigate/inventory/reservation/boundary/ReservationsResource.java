package org.apigate.inventory.reservation.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apigate.inventory.Identifier;
import org.apigate.inventory.reservation.control.Reservations;
import org.apigate.inventory.reservation.entity.ReservationForm;
import org.apigate.inventory.reservation.entity.ReservationView;

@Path("reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReservationsResource {

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
