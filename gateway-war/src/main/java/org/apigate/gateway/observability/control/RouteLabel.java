package org.apigate.gateway.observability.control;

import org.apigate.gateway.routing.control.RouteTable;
import org.apigate.gateway.routing.entity.Route;

/**
 * The {@code route} of a request in metrics and the access log: the service its path is routed to ({@code user},
 * {@code order}, {@code inventory}), {@code overview} for the composed endpoint, {@code admin} for the operators'
 * area, {@code unrouted} for anything else. A fixed set, so a client inventing paths cannot create metric series.
 */
public final class RouteLabel {

    public static final String OVERVIEW = "overview";
    public static final String ADMIN = "admin";
    public static final String UNROUTED = "unrouted";

    private static final String USERS = "/api/users/";
    private static final String OVERVIEW_SUFFIX = "/overview";

    private RouteLabel() {
    }

    /** @param path the path below the context root as sent, e.g. {@code /api/users/42/overview} */
    public static String of(String path) {
        if (isOverview(path)) {
            return OVERVIEW;
        }
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return ADMIN;
        }
        return RouteTable.resolve(path).map(Route::service).orElse(UNROUTED);
    }

    /** {@code /api/users/{id}/overview}, with exactly one segment as id: what the overview resource matches. */
    private static boolean isOverview(String path) {
        if (!path.startsWith(USERS) || !path.endsWith(OVERVIEW_SUFFIX)) {
            return false;
        }
        int idEnd = path.length() - OVERVIEW_SUFFIX.length();
        return idEnd > USERS.length() && path.indexOf('/', USERS.length()) == idEnd;
    }
}
