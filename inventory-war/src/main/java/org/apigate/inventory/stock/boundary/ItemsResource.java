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
import org.apigate.common.openapi.ApiComponents;
import org.apigate.inventory.Identifier;
import org.apigate.inventory.stock.control.Stock;
import org.apigate.inventory.stock.control.StockUpdate;
import org.apigate.inventory.stock.entity.ItemForm;
import org.apigate.inventory.stock.entity.ItemView;
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
 * Items and their stock. Reading is for every caller with one of the system's roles (customers look at stock through
 * the gateway, the order service may); setting stock is for an admin only.
 */
@Path("items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CUSTOMER, Roles.SERVICE})
@Tag(name = "items", description = "Items and their stock")
public class ItemsResource {

    private static final String SKU = "The item's SKU: 1 to 64 letters, digits, '.', '_' or '-'";

    /** Response header with the number of items in all pages, for clients that page through the list. */
    static final String TOTAL_COUNT = "X-Total-Count";
    static final int MAX_BATCH = 100;

    @Inject
    Stock stock;

    @PUT
    @Path("{sku}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putItem", summary = "Create an item or set its stock",
            description = "Sets the item's name and free stock; an item that does not exist yet is created.")
    @APIResponse(responseCode = "200", description = "The item, updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "201", description = "The item, created",
            headers = @Header(name = ApiComponents.LOCATION, ref = ApiComponents.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "A concurrent request created the item; repeat the PUT")
    public Response put(@Parameter(description = SKU, schema = @Schema(pattern = "^" + Identifier.PATTERN + "$"))
                        @PathParam("sku") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
                        String sku,
                        @RequestBody(required = true) @Valid @NotNull(message = "a JSON body is required")
                        ItemForm form, @Context UriInfo uri) {
        StockUpdate update = stock.put(sku, form);
        if (update.created()) {
            return Response.created(uri.getAbsolutePath()).entity(update.item()).build();
        }
        return Response.ok(update.item()).build();
    }

    @GET
    @Path("{sku}")
    @Operation(operationId = "getItem", summary = "Read an item and its stock")
    @APIResponse(responseCode = "200", description = "The item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "400", description = "Not a SKU (invalid-request)")
    @APIResponse(responseCode = "404", description = "No item with this SKU")
    public ItemView find(@Parameter(description = SKU, schema = @Schema(pattern = "^" + Identifier.PATTERN + "$"))
                         @PathParam("sku") @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
                         String sku) {
        return stock.find(sku);
    }

    /**
     * With {@code sku} parameters the batch of those that exist; without, all items in pages. The list is named
     * {@code sku}, like the query parameter, so that a violation names what the client sent.
     */
    @GET
    @Operation(operationId = "listItems", summary = "List items, or read a batch",
            description = "With sku parameters the items among them that exist, without X-Total-Count; without, every "
                    + "item in pages, with X-Total-Count.")
    @APIResponse(responseCode = "200", description = "The items",
            headers = @Header(name = ApiComponents.X_TOTAL_COUNT, ref = ApiComponents.X_TOTAL_COUNT),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ItemView.class)))
    @APIResponse(responseCode = "400", description = "More than 100 SKUs, or limit or offset out of range "
            + "(invalid-request)")
    public Response list(@Parameter(description = "SKUs to read, up to " + MAX_BATCH)
                         @QueryParam("sku") @Size(max = MAX_BATCH, message = "at most " + MAX_BATCH + " per request")
                         List<String> sku,
                         @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "500"))
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @Parameter(description = "Items to skip", schema = @Schema(minimum = "0"))
                         @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        if (!sku.isEmpty()) {
            return Response.ok(stock.find(sku)).build();
        }
        return Response.ok(stock.list(limit, offset)).header(TOTAL_COUNT, stock.count()).build();
    }
}
