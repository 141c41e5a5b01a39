package org.apigate.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /health/ready}, check {@value #NAME}: the rate-limit configuration values the gateway cannot use, as data
 * {@code problem.1}, {@code problem.2}, ... (key, value, and what is used instead). Always UP: the gateway still
 * serves, with the last good values or the defaults, and taking every instance out of the load balancer for one typo
 * in a shared configuration would turn a mistake in a limit into an outage. Monitoring should alert on the data.
 */
@Readiness
@ApplicationScoped
public class RateLimitConfigReadiness implements HealthCheck {

    static final String NAME = "gateway-ratelimit-config";

    @Inject
    QuotaSettings settings;

    @Override
    public HealthCheckResponse call() {
        List<String> problems = settings.problems();
        if (problems.isEmpty()) {
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.empty());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            data.put("problem." + (i + 1), problems.get(i));
        }
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(data));
    }
}
