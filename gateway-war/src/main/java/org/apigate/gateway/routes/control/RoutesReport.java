package org.apigate.gateway.routes.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.routing.control.ActiveHealth;
import org.apigate.gateway.routing.control.PassiveHealth;
import org.apigate.gateway.routing.control.ServiceDirectory;
import org.apigate.gateway.routing.entity.Instance;
import org.apigate.gateway.routing.entity.InstanceState;

import java.time.Instant;
import java.util.TreeSet;

/**
 * The routes as operators need to see them ({@code GET /admin/routes}): each route as configured now - path,
 * service and upstream path, methods, authentication, roles, rate-limit policy - with its service's instances, their
 * weights, passive health ({@code up}, or {@code ejected} until a time, with the last failure kinds) and last
 * readiness probe ({@code ready}, {@code failing}, {@code none}); and the
 * route definitions that are skipped, with the reason.
 */
@ApplicationScoped
public class RoutesReport {

    @Inject
    RouteCatalog catalog;

    @Inject
    ServiceDirectory directory;

    @Inject
    PassiveHealth health;

    @Inject
    ActiveHealth probes;

    public JsonObject current() {
        Instant now = health.now();
        JsonArrayBuilder routes = Json.createArrayBuilder();
        for (Route route : catalog.routes()) {
            JsonArrayBuilder instances = Json.createArrayBuilder();
            for (Instance instance : directory.instancesOf(route.service())) {
                instances.add(describe(instance, health.stateOf(instance.url()), now)
                        .add("probe", probe(probes.ready(instance.url()))));
            }
            routes.add(Json.createObjectBuilder()
                    .add("name", route.name())
                    .add("path", RequestTarget.path(route.prefix()) + "/**")
                    .add("service", route.service())
                    .add("servicePath", RequestTarget.path(route.upstreamPrefix()) + "/**")
                    .add("methods", route.methods().isEmpty() ? "*" : String.join(",", new TreeSet<>(route.methods())))
                    .add("auth", route.auth().name().toLowerCase(java.util.Locale.ROOT))
                    .add("roles", String.join(",", new TreeSet<>(route.roles())))
                    .add("ratelimit", route.policy())
                    .add("configKey", ServiceDirectory.key(route.service()))
                    .add("instances", instances));
        }
        JsonArrayBuilder skipped = Json.createArrayBuilder();
        catalog.problems().forEach(skipped::add);
        return Json.createObjectBuilder().add("routes", routes).add("skipped", skipped).build();
    }

    /** The last readiness probe: {@code ready}, {@code failing}, or {@code none} (not probed, or probing off). */
    private static String probe(Boolean ready) {
        return ready == null ? "none" : ready ? "ready" : "failing";
    }

    private static JsonObjectBuilder describe(Instance instance, InstanceState state, Instant now) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("url", instance.url().toString())
                .add("weight", instance.weight())
                .add("status", state.ejectedAt(now) ? "ejected" : "up")
                .add("consecutiveFailures", state.consecutiveFailures());
        if (!state.recentFailures().isEmpty()) {
            JsonArrayBuilder kinds = Json.createArrayBuilder();
            state.recentFailures().forEach(kind -> kinds.add(kind.name()));
            json.add("recentFailures", kinds);
        }
        if (state.ejectedAt(now)) {
            json.add("ejectedUntil", state.ejectedUntil().toString());
        }
        return json;
    }
}
