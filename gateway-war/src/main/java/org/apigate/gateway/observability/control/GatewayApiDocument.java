package org.apigate.gateway.observability.control;

import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.routes.control.RouteCatalog;
import org.apigate.gateway.exchange.Route;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway's {@code /openapi} document (an {@link OASFilter}, named by {@code mp.openapi.filter}). Its own
 * endpoints - the overview, {@code /admin/routes} - come from the scan of its resources; the scan would describe the
 * proxy as one meaningless {@code /api/{path: .*}}, so that entry (and the admin area's catch-all) is replaced by
 * one entry per route of the configured routes ({@link RouteCatalog}): what is forwarded where, and the errors the gateway itself adds.
 * The resources behind each route are in the service's own document ({@code /openapi} of its instances). Every
 * operation needs a bearer JWT.
 */
public class GatewayApiDocument implements OASFilter {

    static final String BEARER = "bearer";
    private static final List<PathItem.HttpMethod> FORWARDED = List.of(PathItem.HttpMethod.GET,
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    /** Sorted by status, so the document is the same on every start. */
    private static final Map<String, String> GATEWAY_ERRORS = new TreeMap<>(Map.of(
            "401", "No valid bearer token",
            "403", "The caller's role or ownership does not allow this call",
            "413", "Body larger than gateway.proxy.max-body-bytes",
            "429", "The caller's rate limit is used up (Retry-After, RateLimit, RateLimit-Policy)",
            "502", "The service refused or dropped the connection",
            "503", "No instance of the service is configured or in rotation",
            "504", "The service did not answer in time"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.info(OASFactory.createInfo().title("apigate gateway").version("1.0")
                .description("The public entry point. /api/** is forwarded to the services by route; "
                        + "/api/users/{id}/overview is composed by the gateway; /admin/** is for operators."));
        Paths paths = api.getPaths() == null ? OASFactory.createPaths() : api.getPaths();
        // the scanned catch-alls of the proxy and the admin area, e.g. "/api/{path: .*}"
        List.copyOf(paths.getPathItems().keySet()).stream().filter(path -> path.contains(": .*}"))
                .forEach(paths::removePathItem);
        for (Route route : RouteCatalog.definedIn(ConfigProvider.getConfig())) {
            paths.addPathItem(RequestTarget.path(route.prefix()) + "/{path}", forwarded(route));
        }
        api.paths(paths);
        if (api.getComponents() == null) {
            api.components(OASFactory.createComponents());
        }
        api.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
        api.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
    }

    private static PathItem forwarded(Route mapping) {
        Parameter rest = OASFactory.createParameter().name("path").in(Parameter.In.PATH).required(true)
                .description("The rest of the path, slashes included, forwarded as sent")
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
        PathItem item = OASFactory.createPathItem().addParameter(rest)
                .summary("Forwarded to the " + mapping.service() + " service");
        for (PathItem.HttpMethod method : FORWARDED) {
            item.setOperation(method, operation(mapping, method));
        }
        return item;
    }

    private static Operation operation(Route mapping, PathItem.HttpMethod method) {
        APIResponses responses = OASFactory.createAPIResponses().addAPIResponse("default", OASFactory
                .createAPIResponse().description("The " + mapping.service() + " service's answer, as it gave it"));
        Content problem = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)));
        GATEWAY_ERRORS.forEach((status, why) -> responses.addAPIResponse(status,
                OASFactory.createAPIResponse().description(why).content(problem)));
        String name = method.name().charAt(0) + method.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return OASFactory.createOperation()
                .operationId("forward" + name + Character.toUpperCase(mapping.name().charAt(0))
                        + mapping.name().substring(1))
                .description(method + " " + RequestTarget.path(mapping.prefix()) + "/{path} is sent to an instance of the "
                        + mapping.service() + " service as " + method + " " + RequestTarget.path(mapping.upstreamPrefix())
                        + "/{path}, with the query, the body and the end-to-end headers; the service's own "
                        + "/openapi document describes its resources.")
                .responses(responses);
    }
}
