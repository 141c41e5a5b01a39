package org.apigate.gateway.probe;

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
 * Test-only resources (never in the shipped WAR) in the gateway's operators' area, {@code /admin/probe} (admins only,
 * as all of it): what the verifier made of a token ({@code caller}: the injected {@code JsonWebToken}), and a way to
 * change configuration inside the server.
 */
@Path("probe")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    JsonWebToken caller;

    @GET
    @Path("caller")
    public JsonObject caller() {
        return Json.createObjectBuilder()
                .add("subject", caller.getSubject())
                .add("groups", Json.createArrayBuilder(caller.getGroups()))
                .build();
    }


    /** Changes a system property (config ordinal 400) inside the server, as an operator's live change would. */
    @PUT
    @Path("system-property/{key}")
    public void setSystemProperty(@PathParam("key") String key, String value) {
        System.setProperty(key, value);
    }
}
