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
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.ratelimit.RateLimited;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Test-only resources (never in the shipped WAR) that let the container tests exercise authentication and rate
 * limiting before and independently of the routes: they live under {@code /probe}, outside {@code /api}.
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

    @GET
    @Path("limited")
    @RolesAllowed({"customer", "admin"})
    @RateLimited
    public JsonObject limited() {
        return caller();
    }

    @GET
    @Path("limited/burst")
    @RolesAllowed({"customer", "admin"})
    @RateLimited("burst")
    public JsonObject burst() {
        return caller();
    }

    @GET
    @Path("limited/short")
    @RolesAllowed({"customer", "admin"})
    @RateLimited("short")
    public JsonObject shortWindow() {
        return caller();
    }

    @GET
    @Path("limited/live")
    @RolesAllowed({"customer", "admin"})
    @RateLimited("live")
    public JsonObject live() {
        return caller();
    }

    /** A rate-limited call that fails the way an upstream failure does: the headers must still be there. */
    @GET
    @Path("limited/failing")
    @RolesAllowed({"customer", "admin"})
    @RateLimited
    public JsonObject failing() {
        throw new ProblemException(Problem.of(502, "Bad Gateway", "The probe's pretend upstream failed."));
    }

    /** Changes a system property (config ordinal 400) inside the server, as an operator's live change would. */
    @PUT
    @Path("system-property/{key}")
    public void setSystemProperty(@PathParam("key") String key, String value) {
        System.setProperty(key, value);
    }
}
