package org.apigate.gateway.observability.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.observability.control.GatewayMetrics;
import org.apigate.gateway.observability.control.ServiceAvailability;
import org.apigate.gateway.routing.control.ActiveHealth;
import org.apigate.gateway.routing.control.PassiveHealth;
import org.apigate.gateway.routes.control.RouteCatalog;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.routing.entity.Instance;
import org.apigate.gateway.routing.control.ServiceDirectory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /health/ready}: the gateway is ready when every routed service has at least one instance it can use (in
 * rotation and, with probing on, answering its own readiness probe). Data per service: {@code <service>.configured},
 * {@code .in-rotation}, {@code .ready}; when DOWN, {@code unavailable} names the services without a usable instance.
 * There is deliberately no liveness check on the services: see the package documentation.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    static final String NAME = "gateway-upstreams";

    @Inject
    ServiceDirectory directory;

    @Inject
    RouteCatalog catalog;

    @Inject
    PassiveHealth health;

    @Inject
    ActiveHealth probes;

    @Inject
    GatewayMetrics metrics;

    @Override
    public HealthCheckResponse call() {
        Map<String, List<URI>> instances = new LinkedHashMap<>();
        Set<URI> all = new LinkedHashSet<>();
        for (Route route : catalog.routes()) {
            if (instances.containsKey(route.service())) {
                continue;
            }
            List<URI> configured = directory.instancesOf(route.service()).stream().map(Instance::url).toList();
            instances.put(route.service(), configured);
            all.addAll(configured);
            configured.forEach(instance -> metrics.watch(route.service(), instance));
            probes.watch(route.service());
        }
        Map<URI, Boolean> probed = probes.probing() ? probeResults(all) : null;
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        List<String> unavailable = new ArrayList<>();
        instances.forEach((service, configured) -> {
            ServiceAvailability availability = ServiceAvailability.of(service, configured, health::available, probed);
            response.withData(service + ".configured", availability.configured())
                    .withData(service + ".in-rotation", availability.inRotation())
                    .withData(service + ".ready", availability.ready());
            if (!availability.reachable()) {
                unavailable.add(service);
            }
        });
        if (!unavailable.isEmpty()) {
            response.withData("unavailable", String.join(",", unavailable));
        }
        return response.status(unavailable.isEmpty()).build();
    }

    /** The last probe of each instance; one not probed yet (just configured) counts as ready until it is. */
    private Map<URI, Boolean> probeResults(Set<URI> instances) {
        Map<URI, Boolean> results = new HashMap<>();
        for (URI instance : instances) {
            results.put(instance, !Boolean.FALSE.equals(probes.ready(instance)));
        }
        return results;
    }
}
