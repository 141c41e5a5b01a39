package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round-robin over a service's configured instances that passive health has not ejected. Each call gets them all,
 * starting at the next one in turn, so that a failed attempt can move on to the following instance.
 */
@ApplicationScoped
public class LoadBalancer {

    private final ConcurrentMap<String, AtomicInteger> turns = new ConcurrentHashMap<>();

    @Inject
    ServiceDirectory directory;

    @Inject
    PassiveHealth health;

    public LoadBalancer() {
    }

    LoadBalancer(PassiveHealth health) {
        this.health = health;
    }

    /**
     * The instances to try for one call, in order.
     *
     * @throws ProblemException 503 when no instance is configured, or every configured one is ejected
     */
    public List<URI> candidates(String service) {
        return candidates(service, directory.instancesOf(service));
    }

    List<URI> candidates(String service, List<URI> configured) {
        if (configured.isEmpty()) {
            throw unavailable("No instance of the " + service + " service is configured.");
        }
        List<URI> available = new ArrayList<>(configured.size());
        for (URI instance : configured) {
            if (health.available(instance)) {
                available.add(instance);
            }
        }
        if (available.isEmpty()) {
            throw unavailable("Every instance of the " + service + " service failed repeatedly and is rested for a "
                    + "while; retry later.");
        }
        int first = Math.floorMod(turns.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement(),
                available.size());
        List<URI> ordered = new ArrayList<>(available.size());
        for (int i = 0; i < available.size(); i++) {
            ordered.add(available.get((first + i) % available.size()));
        }
        return ordered;
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.typed(503, "no-healthy-instance", "Service Unavailable", detail));
    }
}
