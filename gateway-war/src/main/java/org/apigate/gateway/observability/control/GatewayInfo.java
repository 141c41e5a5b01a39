package org.apigate.gateway.observability.control;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The gateway document's info, servers and tags. */
final class GatewayInfo {

    private static final Map<String, String> OWN_TAGS = Map.of(
            OverviewOperation.TAG, "Composed by the gateway from several services",
            "admin", "The operators' area (admins only)",
            ForwardedPaths.FORWARDED_TAG, "Routes added by configuration, forwarded as they are");

    private GatewayInfo() {
    }

    static void describe(OpenAPI api, Config config) {
        api.info(OASFactory.createInfo().title("apigate").version("1.0")
                .contact(OASFactory.createContact().name("apigate").url("https://apigate.org"))
                .description("The shop's public API, reached through the gateway: /api/users, /api/orders and "
                        + "/api/inventory are forwarded to the services by route; GET /api/users/{id}/overview is "
                        + "composed by the gateway; /admin is for operators. Every call needs a bearer token. The "
                        + "gateway may answer any call itself: 401/403 (token, role, owner), 404 (no route), 405 "
                        + "(a method the route does not allow: Allow names the others), 413 (body too large), 429 "
                        + "(rate limit), 502/503/504 (the service failed, is unavailable or too slow). Every answer "
                        + "carries X-Request-Id, RateLimit and RateLimit-Policy; every error is an RFC 9457 problem."));
        String publicUrl = config.getOptionalValue("gateway.public-url", String.class).orElse("").strip();
        List<Server> servers = publicUrl.isEmpty()
                ? api.getServers() == null ? List.of() : api.getServers()
                : List.of(OASFactory.createServer().url(publicUrl).description("The gateway"));
        api.servers(servers.stream().map(server -> OASFactory.createServer().description("The gateway")
                .url(server.getUrl().replaceAll("/+$", ""))).filter(server -> !server.getUrl().isEmpty()).toList());
    }

    /** Declares every tag an operation uses: the services' (from the static document) and the gateway's own. */
    static void tag(OpenAPI api) {
        Set<String> used = new LinkedHashSet<>();
        api.getPaths().getPathItems().values().stream().map(PathItem::getOperations).filter(Objects::nonNull)
                .flatMap(operations -> operations.values().stream())
                .filter(operation -> operation.getTags() != null)
                .forEach(operation -> used.addAll(operation.getTags()));
        List<Tag> declared = api.getTags() == null ? List.of() : api.getTags();
        List<Tag> tags = new java.util.ArrayList<>(declared.stream().filter(tag -> used.contains(tag.getName()))
                .toList());
        used.stream().filter(name -> tags.stream().noneMatch(tag -> tag.getName().equals(name)))
                .forEach(name -> tags.add(OASFactory.createTag().name(name).description(OWN_TAGS.get(name))));
        api.tags(tags);
    }
}
