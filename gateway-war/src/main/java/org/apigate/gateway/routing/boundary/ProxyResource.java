package org.apigate.gateway.routing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apigate.gateway.access.control.AccessGuard;
import org.apigate.gateway.ratelimit.RateLimited;
import org.apigate.gateway.routing.control.ProxyCalls;
import org.apigate.gateway.routing.control.Replies;
import org.apigate.gateway.routing.control.Upstream;
import org.apigate.gateway.routing.entity.ProxyCall;
import org.apigate.gateway.routing.entity.UpstreamReply;

import java.io.InputStream;

/**
 * {@code /api/**}: every method of every path is forwarded to the service the contract routes it to, once the
 * caller is authenticated, within its rate limit and allowed by the access rules. A CDI bean, so the rate-limit
 * interceptor applies; the methods differ only in the HTTP method they accept.
 */
@Path("api")
@RequestScoped
@RolesAllowed({"customer", "admin"})
@RateLimited("default")
public class ProxyResource {

    private static final String ANY_PATH = "{path: .*}";

    @Inject
    ProxyCalls calls;

    @Inject
    AccessGuard access;

    @Inject
    Upstream upstream;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    @GET
    @Path(ANY_PATH)
    public Response get(InputStream body) {
        return forward(body);
    }

    @HEAD
    @Path(ANY_PATH)
    public Response head(InputStream body) {
        return forward(body);
    }

    @POST
    @Path(ANY_PATH)
    public Response post(InputStream body) {
        return forward(body);
    }

    @PUT
    @Path(ANY_PATH)
    public Response put(InputStream body) {
        return forward(body);
    }

    @PATCH
    @Path(ANY_PATH)
    public Response patch(InputStream body) {
        return forward(body);
    }

    @DELETE
    @Path(ANY_PATH)
    public Response delete(InputStream body) {
        return forward(body);
    }

    @OPTIONS
    @Path(ANY_PATH)
    public Response options(InputStream body) {
        return forward(body);
    }

    private Response forward(InputStream body) {
        ProxyCall call = calls.from(request, body);
        UpstreamReply reply = access.admit(call).orElseGet(() -> upstream.exchange(call.upstream()));
        return Replies.toResponse(reply, call.upstream().service(), uriInfo.getBaseUri());
    }
}
