package org.apigate.order.inventory.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apigate.common.servicetoken.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * inventory-war's reservations API, one client per instance of {@code order.inventory.url}
 * ({@link InventoryInstances}); error responses become exceptions in {@link InventoryResponses}. Every call carries
 * this service's own credential for the audience {@code inventory} (the config key), for the saga's calls and the
 * compensation timer's alike: reservations are the order service's business, not the customer's.
 */
@RegisterRestClient(configKey = "inventory")
@RegisterProvider(InventoryResponses.class)
@RegisterProvider(ServiceTokenFilter.class)
@Path("api/reservations")
public interface InventoryClient {

    /**
     * 201 when every line is held. Both methods answer a {@link Response} that the caller closes unread: for a
     * {@code void} method Payara's client reads the body as JSON whenever a Content-Type is present, and fails on
     * an empty one. The reservation's body is not needed, the id is ours.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response reserve(ReservationRequest request);

    /** 204, also for an id inventory never saw: it then keeps a tombstone so a late reserve is refused. */
    @DELETE
    @Path("{id}")
    Response release(@PathParam("id") String reservationId);
}
