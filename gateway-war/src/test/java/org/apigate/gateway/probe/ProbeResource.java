package org.apigate.gateway.probe;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Test-only resources (never in the shipped WAR) in the gateway's JAX-RS area, {@code /admin/probe}: what the MP JWT
 * realm made of a token ({@code caller}, {@code admin}), and a way to change configuration inside the server.
 */
@Path("probe")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    JsonWebToken caller;

    @GET
    @Path("caller")
    @RolesAllowed({"customer", "admin"})
    public JsonObject caller() {
        return Json.createObjectBuilder()
                .add("subject", caller.getSubject())
                .add("groups", Json.createArrayBuilder(caller.getGroups()))
                .build();
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public JsonObject admin() {
        return caller();
    }

    /** Changes a system property (config ordinal 400) inside the server, as an operator's live change would. */
    @PUT
    @Path("system-property/{key}")
    public void setSystemProperty(@PathParam("key") String key, String value) {
        System.setProperty(key, value);
    }
}
