package org.apigate.gateway.routing.control;

import org.apigate.gateway.routing.entity.Route;

import java.util.List;
import java.util.Optional;

/**
 * The public contract's routing table: which service serves a public path, and at which path. Fixed by the
 * contract; only where each service runs is configuration ({@link ServiceDirectory}).
 */
public final class RouteTable {

    public static final String USER = "user";
    public static final String ORDER = "order";
    public static final String INVENTORY = "inventory";

    private static final List<Mapping> MAPPINGS = List.of(
            new Mapping("/api/users", USER, "/api/users"),
            new Mapping("/api/orders", ORDER, "/api/orders"),
            new Mapping("/api/inventory", INVENTORY, "/api"));

    private RouteTable() {
    }

    /** The route of a public path (as sent, percent-encoded), or empty when no service serves it. */
    public static Optional<Route> resolve(String path) {
        for (Mapping mapping : MAPPINGS) {
            String prefix = mapping.publicPrefix();
            // a whole segment must match: /api/usersettings is not /api/users
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                String below = path.substring(prefix.length());
                return Optional.of(new Route(mapping.service(), mapping.servicePrefix() + below));
            }
        }
        return Optional.empty();
    }

    /**
     * The public path of a path a service put in a {@code Location} header, e.g. {@code /order/api/orders/7} (the
     * instance's context root, then the service path) becomes {@code /api/orders/7}; empty when no mapping of that
     * service covers it.
     */
    public static Optional<String> publicPath(String service, String servicePath) {
        for (Mapping mapping : MAPPINGS) {
            if (!mapping.service().equals(service)) {
                continue;
            }
            String prefix = mapping.servicePrefix();
            int at = servicePath.indexOf(prefix + "/");
            if (at < 0 && servicePath.endsWith(prefix)) {
                at = servicePath.length() - prefix.length();
            }
            if (at >= 0) {
                return Optional.of(mapping.publicPrefix() + servicePath.substring(at + prefix.length()));
            }
        }
        return Optional.empty();
    }

    /** Every mapping, for operators ({@code /admin/routes}). */
    public static List<Mapping> mappings() {
        return MAPPINGS;
    }

    /** Public paths under {@code publicPrefix} go to {@code service} under {@code servicePrefix}. */
    public record Mapping(String publicPrefix, String service, String servicePrefix) {
    }
}
