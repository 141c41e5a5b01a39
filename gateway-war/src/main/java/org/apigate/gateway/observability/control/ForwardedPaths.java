package org.apigate.gateway.observability.control;

import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.exchange.Route;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The forwarded part of the gateway's document, made to agree with the routes configured now. The WAR's static
 * {@code META-INF/openapi.json} describes the services' operations under the shipped routes' public paths, each path
 * marked with the service and the service's own path it stands for ({@value #SERVICE}, {@value #UPSTREAM_PATH}). A
 * path is kept while the route that takes it still forwards it to that service's path, and loses the methods the
 * route no longer allows; otherwise it goes. A route none of whose paths are described - one added by configuration
 * - gets one generic path item: whatever is below its prefix, forwarded as it is.
 */
final class ForwardedPaths {

    static final String SERVICE = "x-apigate-service";
    static final String UPSTREAM_PATH = "x-apigate-upstream-path";
    static final String FORWARDED_TAG = "forwarded";
    private static final List<PathItem.HttpMethod> ANY_METHOD = List.of(PathItem.HttpMethod.GET,
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private ForwardedPaths() {
    }

    /** @return the route of each path of {@code paths} that the gateway forwards */
    static Map<String, Route> reconcile(Paths paths, List<Route> routes,
                                        Map<String, StaticDescription.Marker> markers) {
        Map<String, Route> routed = new java.util.LinkedHashMap<>();
        Set<String> described = new HashSet<>();
        for (Map.Entry<String, PathItem> entry : Map.copyOf(paths.getPathItems()).entrySet()) {
            PathItem item = entry.getValue();
            StaticDescription.Marker marker = markers.get(entry.getKey());
            if (marker == null) {
                continue;
            }
            Optional<Route> route = routeOf(entry.getKey(), routes)
                    .filter(candidate -> forwardsAsDescribed(candidate, entry.getKey(), marker));
            if (route.isEmpty()) {
                paths.removePathItem(entry.getKey());
                continue;
            }
            ANY_METHOD.stream().filter(method -> !route.get().allows(method.name()))
                    .forEach(method -> item.setOperation(method, null));
            routed.put(entry.getKey(), route.get());
            described.add(route.get().name());
        }
        for (Route route : routes) {
            if (!described.contains(route.name())) {
                String path = RequestTarget.path(route.prefix()) + "/{path}";
                paths.addPathItem(path, generic(route));
                routed.put(path, route);
            }
        }
        return routed;
    }

    /** The route a request for {@code path} takes: the first whose prefix its segments begin with. */
    static Optional<Route> routeOf(String path, List<Route> routes) {
        List<String> segments = segments(path);
        return routes.stream().filter(route -> route.kind() == Route.Kind.PROXY)
                .filter(route -> segments.size() >= route.prefix().size()
                        && segments.subList(0, route.prefix().size()).equals(route.prefix()))
                .findFirst();
    }

    private static boolean forwardsAsDescribed(Route route, String path, StaticDescription.Marker marker) {
        List<String> rest = segments(path).subList(route.prefix().size(), segments(path).size());
        String upstream = "/" + String.join("/", concat(route.upstreamPrefix(), rest));
        return route.service().equals(marker.service()) && upstream.equals(marker.upstreamPath());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<String> segments(String path) {
        return Arrays.asList(path.substring(1).split("/"));
    }

    private static PathItem generic(Route route) {
        Parameter rest = OASFactory.createParameter().name("path").in(Parameter.In.PATH).required(true)
                .description("The rest of the path, slashes included, forwarded as sent")
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
        PathItem item = OASFactory.createPathItem().addParameter(rest)
                .summary("Forwarded to the " + route.service() + " service");
        ANY_METHOD.stream().filter(method -> route.allows(method.name()))
                .forEach(method -> item.setOperation(method, genericOperation(route, method)));
        return item;
    }

    private static Operation genericOperation(Route route, PathItem.HttpMethod method) {
        String name = method.name().charAt(0) + method.name().substring(1).toLowerCase(Locale.ROOT);
        String prefix = RequestTarget.path(route.prefix());
        APIResponses responses = OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                .description("The " + route.service() + " service's answer, as it gave it (any status)"));
        return OASFactory.createOperation().addTag(FORWARDED_TAG)
                .operationId("forward" + name + Character.toUpperCase(route.name().charAt(0))
                        + route.name().substring(1).replaceAll("[^A-Za-z0-9]", ""))
                .summary(method + " " + prefix + "/{path}, forwarded")
                .description(method + " " + prefix + "/{path} is sent to an instance of the " + route.service()
                        + " service as " + method + " " + RequestTarget.path(route.upstreamPrefix())
                        + "/{path}, with the query, the body and the end-to-end headers; the service's own /openapi "
                        + "document describes its resources.")
                .requestBody(method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.DELETE ? null
                        : OASFactory.createRequestBody().description("Forwarded as sent").content(
                        OASFactory.createContent().addMediaType("*/*", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary")))))
                .responses(responses);
    }
}
