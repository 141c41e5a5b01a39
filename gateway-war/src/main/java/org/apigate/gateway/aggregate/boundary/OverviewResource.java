package org.apigate.gateway.aggregate.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.access.control.AccessGuard;
import org.apigate.gateway.aggregate.control.OverviewComposer;
import org.apigate.gateway.aggregate.entity.Overview;
import org.apigate.gateway.ratelimit.RateLimited;
import org.apigate.gateway.routing.control.PathSegments;
import org.apigate.gateway.routing.control.ProxyCalls;

/**
 * {@code GET /api/users/{id}/overview}: the user, its orders and their stock in one answer. JAX-RS picks this class
 * over the proxy's {@code /api/{path: .*}} because its path template has more literal characters; other methods on
 * this path answer 405. Rate-limited like the proxy, under the same policy: one overview is one request of the
 * caller's quota, whatever calls it makes behind the gateway.
 */
@Path("api/users/{id}/overview")
@RequestScoped
@RolesAllowed({"customer", "admin"})
@RateLimited("default")
public class OverviewResource {

    /** {@code true} when every part arrived; {@code false} when some part is null and {@code errors} says why. */
    static final String COMPLETE = "X-Gateway-Complete";

    @Inject
    AccessGuard access;

    @Inject
    OverviewComposer composer;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response overview() {
        // the path as sent, still encoded, as the proxy judges and forwards it
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PathSegments.hasDotSegment(path)) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The path must not contain . or .. segments."));
        }
        access.require(request.getMethod(), path);
        // /api/users/{id}/overview: the id is the third segment
        String userId = PathSegments.of(path).get(2);
        String rawUserId = PathSegments.raw(path).get(2);
        Overview overview = composer.compose(userId, rawUserId, ProxyCalls.forwardedHeaders(request));
        return Response.ok(overview.toJson().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header(COMPLETE, overview.complete())
                .build();
    }
}
