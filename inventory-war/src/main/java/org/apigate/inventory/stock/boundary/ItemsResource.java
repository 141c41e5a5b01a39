package org.apigate.inventory.stock.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.apigate.inventory.stock.control.Stock;
import org.apigate.inventory.stock.control.StockUpdate;
import org.apigate.inventory.stock.entity.ItemForm;
import org.apigate.inventory.stock.entity.ItemView;

import java.util.List;

/**
 * Items and their stock. Reading is for every caller with one of the system's roles (customers look at stock through
 * the gateway, the order service may); setting stock is for an admin only.
 */
@Path("items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CUSTOMER, Roles.SERVICE})
public class ItemsResource {

    /** Response header with the number of items in all pages, for clients that page through the list. */
    static final String TOTAL_COUNT = "X-Total-Count";
    static final int MAX_BATCH = 100;

    @Inject
    Stock stock;

    @PUT
    @Path("{sku}")
    @RolesAllowed(Roles.ADMIN)
    public Response put(@PathParam("sku") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE) String sku,
                        @Valid @NotNull(message = "a JSON body is required") ItemForm form,
                        @Context UriInfo uri) {
        StockUpdate update = stock.put(sku, form);
        if (update.created()) {
            return Response.created(uri.getAbsolutePath()).entity(update.item()).build();
        }
        return Response.ok(update.item()).build();
    }

    @GET
    @Path("{sku}")
    public ItemView find(@PathParam("sku") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE) String sku) {
        return stock.find(sku);
    }

    /**
     * With {@code sku} parameters the batch of those that exist; without, all items in pages. The list is named
     * {@code sku}, like the query parameter, so that a violation names what the client sent.
     */
    @GET
    public Response list(@QueryParam("sku") @Size(max = MAX_BATCH, message = "at most " + MAX_BATCH + " per request")
                         List<String> sku,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        if (!sku.isEmpty()) {
            return Response.ok(stock.find(sku)).build();
        }
        return Response.ok(stock.list(limit, offset)).header(TOTAL_COUNT, stock.count()).build();
    }
}
