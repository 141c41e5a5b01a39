package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.apigate.gateway.routing.entity.InstanceState;

import java.net.URI;
import java.time.Instant;

/**
 * The routing table as operators need to see it: per route the service, the instances configured right now and
 * each one's passive health - {@code up}, or {@code ejected} until a time - with its failures in a row.
 */
@ApplicationScoped
public class RoutesReport {

    @Inject
    ServiceDirectory directory;

    @Inject
    PassiveHealth health;

    public JsonObject current() {
        Instant now = health.now();
        JsonArrayBuilder routes = Json.createArrayBuilder();
        for (RouteTable.Mapping mapping : RouteTable.mappings()) {
            JsonArrayBuilder instances = Json.createArrayBuilder();
            for (URI instance : directory.instancesOf(mapping.service())) {
                instances.add(describe(instance, health.stateOf(instance), now));
            }
            routes.add(Json.createObjectBuilder()
                    .add("path", mapping.publicPrefix() + "/**")
                    .add("service", mapping.service())
                    .add("servicePath", mapping.servicePrefix() + "/**")
                    .add("configKey", ServiceDirectory.key(mapping.service()))
                    .add("instances", instances));
        }
        return Json.createObjectBuilder().add("routes", routes).build();
    }

    private static JsonObjectBuilder describe(URI instance, InstanceState state, Instant now) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("url", instance.toString())
                .add("status", state.ejectedAt(now) ? "ejected" : "up")
                .add("consecutiveFailures", state.consecutiveFailures());
        if (state.ejectedAt(now)) {
            json.add("ejectedUntil", state.ejectedUntil().toString());
        }
        return json;
    }
}
