package org.apigate.gateway.observability.control;

import org.apigate.common.openapi.PayaraDocument;
import org.apigate.common.openapi.SharedComponents;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.routes.control.MatchRoute;
import org.apigate.gateway.routes.control.RouteCatalog;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

import java.util.List;
import java.util.Map;

/**
 * The gateway's {@code /openapi} document (an {@link OASFilter}, named by {@code mp.openapi.filter}): the public API
 * as a client sees it, from which a client can be generated. Its parts:
 * <ul>
 * <li>the services' operations under the shipped routes' public paths, described statically by the WAR's
 * {@code META-INF/openapi.json} (derived from the services' own documents; a system test keeps the two equal), and
 * reconciled with the routes configured now ({@link ForwardedPaths}): a route configured otherwise, or added, is one
 * generic forwarded path item;</li>
 * <li>the composed overview ({@link OverviewOperation}) and the operators' {@code /admin/routes} (scanned);</li>
 * <li>on every operation what the gateway itself answers and adds ({@link GatewayAnswers}).</li>
 * </ul>
 * Payara builds the document once, at the first request for it: routes changed later show after a redeploy.
 */
public class GatewayApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Config config = ConfigProvider.getConfig();
        PayaraDocument.tidy(api, getClass().getClassLoader());
        GatewayInfo.describe(api, config);
        Paths paths = api.getPaths() == null ? OASFactory.createPaths() : api.getPaths();
        api.paths(paths);
        // the scanned catch-alls of the JAX-RS application, e.g. "/admin/{path: .*}"
        List.copyOf(paths.getPathItems().keySet()).stream().filter(path -> path.contains(": .*}"))
                .forEach(paths::removePathItem);
        SharedComponents.addTo(api);
        List<Route> routes = RouteCatalog.definedIn(config);
        Map<String, Route> routed = ForwardedPaths.reconcile(paths, routes,
                StaticDescription.markers(getClass().getClassLoader()));
        // built in: GET /api/users/{id}/overview is composed, whatever the routes say
        paths.addPathItem(OverviewOperation.PATH, OverviewOperation.create(api.getComponents()));
        routed.put(OverviewOperation.PATH, MatchRoute.OVERVIEW);
        paths.getPathItems().forEach((path, item) -> operations(item).forEach(operation -> {
            Route route = routed.get(path);
            if (route != null) {
                GatewayAnswers.complete(operation, route);
            } else if (path.startsWith("/admin/")) {
                GatewayAnswers.completeAdmin(operation);
            }
        }));
        GatewayInfo.tag(api);
        SharedComponents.defineReferencedHeaders(api);
    }

    private static List<org.eclipse.microprofile.openapi.models.Operation> operations(PathItem item) {
        return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
    }
}
