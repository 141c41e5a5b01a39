package org.apigate.order.orders.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.apigate.order.orders.control.OrderBook;
import org.apigate.order.orders.control.OrderCancellation;
import org.apigate.order.orders.control.OrderPlacement;
import org.apigate.order.orders.entity.Order;
import org.apigate.order.orders.entity.OrderForm;
import org.apigate.order.orders.entity.OrderView;

import java.util.List;

/**
 * Orders. A customer places orders for itself (the body's {@code userId} is its token's {@code sub}), lists and reads
 * its own orders and cancels them; an admin does all of it for anyone and lists every order. Someone else's order is
 * 403, an unknown one 404 - as the gateway answers. The caller is checked before anyone is called: a customer's
 * order for another user never reaches the user service or inventory.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CUSTOMER})
public class OrdersResource {

    /** Response header with the number of orders in all pages, as in the user service. */
    static final String TOTAL_COUNT = "X-Total-Count";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String USER_ID = "userId";

    @Inject
    OrderPlacement placement;

    @Inject
    OrderCancellation cancellation;

    @Inject
    OrderBook book;

    @Inject
    Caller caller;

    /** 201 with the CONFIRMED order; a retry with the same Idempotency-Key gets the first answer again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@Valid @NotNull(message = "a JSON body is required") OrderForm form,
                          @HeaderParam(IDEMPOTENCY_KEY)
                          @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}",
                                  message = "must be 1 to 128 letters, digits, '.', '_', ':' or '-'")
                          String idempotencyKey,
                          @Context UriInfo uri) {
        caller.requireActingFor(form.userId(), "place an order for user " + form.userId());
        OrderView order = placement.place(form, caller.subject(), idempotencyKey).view();
        return Response.created(uri.getAbsolutePathBuilder().path(order.id()).build()).entity(order).build();
    }

    /** All orders (admin), or one user's, oldest first, in pages. */
    @GET
    public Response list(@QueryParam(USER_ID) String userId,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                         @Context UriInfo uri) {
        // every userId given must be the caller's: the gateway checks them all, and so does the service
        List<String> asked = uri.getQueryParameters().getOrDefault(USER_ID, List.of());
        if (asked.isEmpty() ? !caller.isAdmin() : !asked.stream().allMatch(caller::actsFor)) {
            throw Caller.forbidden(asked.isEmpty() ? "list every order" : "list the orders of user " + userId);
        }
        List<OrderView> orders = book.list(userId, limit, offset).stream().map(Order::view).toList();
        return Response.ok(orders).header(TOTAL_COUNT, book.count(userId)).build();
    }

    @GET
    @Path("{id}")
    public OrderView find(@PathParam("id") String id) {
        return own(id, "read order " + id).view();
    }

    /** 200 with the CANCELLED order, also when it was cancelled before. */
    @POST
    @Path("{id}/cancel")
    public OrderView cancel(@PathParam("id") String id) {
        own(id, "cancel order " + id);
        return cancellation.cancel(id).view();
    }

    /** The order, if it is the caller's (or the caller is an admin); 404 when there is none. */
    private Order own(String id, String what) {
        Order order = book.find(id);
        caller.requireActingFor(order.userId(), what);
        return order;
    }
}
