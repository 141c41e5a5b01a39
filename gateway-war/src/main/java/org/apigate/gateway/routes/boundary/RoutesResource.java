package org.apigate.gateway.routes.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.apigate.gateway.routes.control.RoutesReport;

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
    public JsonObject routes() {
        return report.current();
    }
}
