package org.apigate.gateway.routes.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.apigate.gateway.routes.control.RoutesReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /admin/routes}: for operators (admins only, as all of {@code /admin}), each route, its service's
 * configured instances and their health.
 */
@Path("routes")
@RequestScoped
public class RoutesResource {

    @Inject
    RoutesReport report;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "admin")
    @Operation(operationId = "listRoutes", summary = "List the routes and their instances",
            description = "Each configured route (and those skipped, with why), its service's instances, their weights"
                    + " and passive-health state.")
    @APIResponse(responseCode = "200", description = "The routes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public JsonObject routes() {
        return report.current();
    }
}
