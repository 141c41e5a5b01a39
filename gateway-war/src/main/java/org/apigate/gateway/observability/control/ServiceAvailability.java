package org.apigate.gateway.observability.control;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How many instances of one service the gateway can use: configured, kept in rotation by passive health, and of
 * those the ones that answered their readiness probe ({@code ready} equals {@code inRotation} when not probing).
 */
public record ServiceAvailability(String service, int configured, int inRotation, int ready) {

    /**
     * @param probed the probe results, or null when probing is off
     */
    public static ServiceAvailability of(String service, List<URI> instances, Predicate<URI> inRotation,
                                         Map<URI, Boolean> probed) {
        int rotating = 0;
        int ready = 0;
        for (URI instance : instances) {
            if (inRotation.test(instance)) {
                rotating++;
                if (probed == null || Boolean.TRUE.equals(probed.get(instance))) {
                    ready++;
                }
            }
        }
        return new ServiceAvailability(service, instances.size(), rotating, ready);
    }

    /** Whether a request for this service can be served at all. */
    public boolean reachable() {
        return ready > 0;
    }
}
