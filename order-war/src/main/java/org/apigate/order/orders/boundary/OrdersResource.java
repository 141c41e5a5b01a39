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
import org.apigate.common.openapi.ApiComponents;
import org.apigate.order.orders.control.OrderBook;
import org.apigate.order.orders.control.OrderCancellation;
import org.apigate.order.orders.control.OrderPlacement;
import org.apigate.order.orders.entity.Order;
import org.apigate.order.orders.entity.OrderForm;
import org.apigate.order.orders.entity.OrderView;
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
 * Orders. A customer places orders for itself (the body's {@code userId} is its token's {@code sub}), lists and reads
 * its own orders and cancels them; an admin does all of it for anyone and lists every order. Someone else's order is
 * 403, an unknown one 404 - as the gateway answers. The caller is checked before anyone is called: a customer's
 * order for another user never reaches the user service or inventory.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CUSTOMER})
@Tag(name = "orders", description = "Orders, placed with the stock they need reserved in inventory")
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
    @Operation(operationId = "placeOrder", summary = "Place an order",
            description = "Reserves the lines' stock in inventory and answers the CONFIRMED order. A customer places "
                    + "orders only for itself (userId is its own). With an Idempotency-Key a retry gets the first "
                    + "answer again instead of a second order.")
    @APIResponse(responseCode = "201", description = "The order, CONFIRMED (also for a retry of the same request)",
            headers = @Header(name = ApiComponents.LOCATION, ref = ApiComponents.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No user with this userId (unknown-user)")
    @APIResponse(responseCode = "409", description = "Not enough stock (out-of-stock, with shortSkus and orderId: the "
            + "order is kept REJECTED), or a request with this Idempotency-Key is still running "
            + "(idempotency-key-in-use)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request "
            + "(idempotency-key-reused)")
    @APIResponse(responseCode = "503", description = "Inventory or the user service cannot be reached "
            + "(inventory-unavailable: the order is kept FAILED and holds no stock; user-service-unavailable), or "
            + "this service cannot serve now (database-busy, token-keys-unavailable); retry later")
    public Response place(@RequestBody(required = true) @Valid @NotNull(message = "a JSON body is required")
                          OrderForm form,
                          @Parameter(description = "The caller's key for this order: a retry with the same key and "
                                  + "body gets the first answer", schema = @Schema(pattern = "^[A-Za-z0-9._:-]{1,128}$",
                                  maxLength = 128, example = "order-2026-12-01-1"))
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
    @Operation(operationId = "listOrders", summary = "List orders",
            description = "One user's orders (a customer: its own), or without userId every order (admin), oldest "
                    + "first, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of orders",
            headers = @Header(name = ApiComponents.X_TOTAL_COUNT, ref = ApiComponents.X_TOTAL_COUNT),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "limit or offset out of range (invalid-request)")
    public Response list(@Parameter(description = "Whose orders") @QueryParam(USER_ID) String userId,
                         @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "500"))
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @Parameter(description = "Orders to skip", schema = @Schema(minimum = "0"))
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
    @Operation(operationId = "getOrder", summary = "Read an order",
            description = "A customer reads only its own orders.")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No order with this id")
    public OrderView find(@Parameter(description = "The order's id") @PathParam("id") String id) {
        return own(id, "read order " + id).view();
    }

    /** 200 with the CANCELLED order, also when it was cancelled before. */
    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel an order",
            description = "Releases the order's stock, then marks it CANCELLED; cancelling a CANCELLED order answers "
                    + "it unchanged. A customer cancels only its own orders.")
    @APIResponse(responseCode = "200", description = "The order, CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No order with this id")
    @APIResponse(responseCode = "409", description = "Only a CONFIRMED order can be cancelled (not-cancellable)")
    @APIResponse(responseCode = "503", description = "Inventory cannot be reached (inventory-unavailable: the order "
            + "stays CONFIRMED), or this service cannot serve now (database-busy, token-keys-unavailable); retry later")
    public OrderView cancel(@Parameter(description = "The order's id") @PathParam("id") String id) {
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
