package org.apigate.gateway.observability.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.cors.Cors;
import org.apigate.gateway.origin.ClientOrigin;
import org.apigate.gateway.routes.control.RouteCatalog;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.routing.control.ProxySettings;
import org.apigate.gateway.routing.control.ServiceDirectory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /health/ready}, check {@code gateway-config}: configuration values the gateway cannot use right now - a route
 * that is skipped, an instance URL that is ignored, a proxy, CORS or trusted-proxy setting kept at its last good
 * value - as data {@code problem.1}, {@code problem.2}, ... Always UP: the gateway still serves with what it could
 * use, and one typo must not take every gateway out of its load balancer at once. Operators watch the data (and the
 * log, where each problem is written once).
 */
@Readiness
@ApplicationScoped
public class ConfigReadiness implements HealthCheck {

    static final String NAME = "gateway-config";

    @Inject
    RouteCatalog catalog;

    @Inject
    ServiceDirectory directory;

    @Inject
    ProxySettings proxy;

    @Inject
    Cors cors;

    @Inject
    ClientOrigin origin;

    @Override
    public HealthCheckResponse call() {
        List<String> problems = new ArrayList<>(catalog.problems());
        Set<String> services = new LinkedHashSet<>();
        catalog.routes().stream().map(Route::service).forEach(services::add);
        services.forEach(service -> problems.addAll(directory.problemsOf(service)));
        problems.addAll(proxy.problems());
        problems.addAll(cors.problems());
        problems.addAll(origin.problems());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (int i = 0; i < problems.size(); i++) {
            response.withData("problem." + (i + 1), problems.get(i));
        }
        return response.build();
    }
}
