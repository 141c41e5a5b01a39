package org.apigate.order.orders.boundary;

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
import org.apigate.order.orders.control.OrderBook;
import org.apigate.order.orders.control.OrderCancellation;
import org.apigate.order.orders.control.OrderPlacement;
import org.apigate.order.orders.entity.Order;
import org.apigate.order.orders.entity.OrderForm;
import org.apigate.order.orders.entity.OrderView;

import java.util.List;

@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    /** Response header with the number of orders in all pages, as in the user service. */
    static final String TOTAL_COUNT = "X-Total-Count";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    OrderPlacement placement;

    @Inject
    OrderCancellation cancellation;

    @Inject
    OrderBook book;

    /** 201 with the CONFIRMED order; a retry with the same Idempotency-Key gets the first answer again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@Valid @NotNull(message = "a JSON body is required") OrderForm form,
                          @HeaderParam(IDEMPOTENCY_KEY)
                          @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}",
                                  message = "must be 1 to 128 letters, digits, '.', '_', ':' or '-'")
                          String idempotencyKey,
                          @Context UriInfo uri) {
        OrderView order = placement.place(form, idempotencyKey).view();
        return Response.created(uri.getAbsolutePathBuilder().path(order.id()).build()).entity(order).build();
    }

    /** All orders, or one user's, oldest first, in pages. */
    @GET
    public Response list(@QueryParam("userId") String userId,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        List<OrderView> orders = book.list(userId, limit, offset).stream().map(Order::view).toList();
        return Response.ok(orders).header(TOTAL_COUNT, book.count(userId)).build();
    }

    @GET
    @Path("{id}")
    public OrderView find(@PathParam("id") String id) {
        return book.find(id).view();
    }

    /** 200 with the CANCELLED order, also when it was cancelled before. */
    @POST
    @Path("{id}/cancel")
    public OrderView cancel(@PathParam("id") String id) {
        return cancellation.cancel(id).view();
    }
}
