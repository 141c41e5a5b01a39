package org.apigate.gateway.routes.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.exchange.Stage;
import org.apigate.gateway.exchange.Route;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the request's route: the built-in overview for {@code GET /api/users/{id}/overview}, else the first
 * configured route whose path prefix the target begins with. No route: 404; a method the route does not allow: 405
 * with {@code Allow}. (While CORS is on, preflights were answered before: the CORS stage comes first.)
 */
@ApplicationScoped
public class MatchRoute implements Stage {

    /** The composed overview: one user's data from three services, answered by the gateway itself. */
    public static final Route OVERVIEW = new Route("overview", Route.Kind.OVERVIEW, List.of("api", "users"), null,
            List.of(), Set.of("GET"), Route.Auth.BEARER, RouteParser.DEFAULT_ROLES, "default", null, 0L);

    @Inject
    RouteCatalog catalog;

    @Override
    public boolean apply(Exchange exchange) {
        RequestTarget target = exchange.target();
        Route route = isOverview(target) ? OVERVIEW : configured(target);
        if (route == null) {
            throw new ProblemException(Problem.of(404, "Not Found", "No route serves " + target.path() + "."));
        }
        exchange.route(route);
        if (!route.allows(exchange.method())) {
            exchange.gatewayHeaders().put("Allow", String.join(", ", new TreeSet<>(route.methods())));
            throw new ProblemException(Problem.of(405, "Method Not Allowed",
                    exchange.method() + " is not allowed on " + target.path() + "."));
        }
        return true;
    }

    private Route configured(RequestTarget target) {
        for (Route route : catalog.routes()) {
            if (target.startsWith(route.prefix())) {
                return route;
            }
        }
        return null;
    }

    /** {@code /api/users/{id}/overview} with a non-empty id. */
    static boolean isOverview(RequestTarget target) {
        return target.size() == 4 && target.startsWith(OVERVIEW.prefix()) && !target.segment(2).isEmpty()
                && target.segment(3).equals("overview");
    }
}
