package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.routing.entity.Instance;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Chooses the instances to try for a call: smooth weighted round-robin (nginx's algorithm: over any window of
 * total-weight picks each instance gets exactly its share, spread evenly) over the instances in rotation - weight
 * above 0, not ejected by passive health, not failing its readiness probe (active health) - then the other
 * instances in rotation in configured order, for
 * failover. When no instance is in rotation the gateway does not answer 503 but tries them all (panic routing, as
 * Envoy does): an ejection is a guess, and a guess that leaves a service without any instance is an outage the
 * gateway made itself. Only a service with no instance configured (or all drained, weight 0) is unavailable.
 */
@ApplicationScoped
public class LoadBalancer {

    private final ConcurrentMap<String, SmoothWeights> turns = new ConcurrentHashMap<>();

    @Inject
    ServiceDirectory directory;

    @Inject
    PassiveHealth health;

    @Inject
    ActiveHealth probes;

    public LoadBalancer() {
    }

    /** For tests: passive health only (no probes). */
    LoadBalancer(PassiveHealth health) {
        this.health = health;
    }

    /**
     * The instances to try for one call, in order; in rotation first, or all of them in panic.
     *
     * @throws ProblemException 503 when no instance is configured, or every configured one is drained
     */
    public List<URI> candidates(String service) {
        return candidates(service, directory.instancesOf(service));
    }

    List<URI> candidates(String service, List<Instance> configured) {
        List<Instance> serving = new ArrayList<>(configured.size());
        for (Instance instance : configured) {
            if (instance.weight() > 0) {
                serving.add(instance);
            }
        }
        if (serving.isEmpty()) {
            throw new ProblemException(Problem.typed(503, "no-healthy-instance", "Service Unavailable",
                    "No instance of the " + service + " service is configured."));
        }
        if (probes != null) {
            probes.watch(service);
        }
        List<Instance> inRotation = new ArrayList<>(serving.size());
        for (Instance instance : serving) {
            if (health.available(instance.url()) && (probes == null || probes.inRotation(instance.url()))) {
                inRotation.add(instance);
            }
        }
        List<Instance> pool = inRotation.isEmpty() ? serving : inRotation; // panic: every instance
        URI first = turns.computeIfAbsent(service, s -> new SmoothWeights()).next(pool);
        List<URI> ordered = new ArrayList<>(pool.size());
        ordered.add(first);
        for (Instance instance : pool) {
            if (!instance.url().equals(first)) {
                ordered.add(instance.url());
            }
        }
        return ordered;
    }

    /** The instances configured for {@code service} now. */
    public List<Instance> configured(String service) {
        return directory.instancesOf(service);
    }

    /** Smooth weighted round-robin state of one service; instances that leave the pool lose their credit. */
    static final class SmoothWeights {

        private final Map<URI, Long> current = new HashMap<>();

        synchronized URI next(List<Instance> pool) {
            long total = 0;
            Instance best = null;
            long bestWeight = Long.MIN_VALUE;
            for (Instance instance : pool) {
                long weight = current.getOrDefault(instance.url(), 0L) + instance.weight();
                current.put(instance.url(), weight);
                total += instance.weight();
                if (weight > bestWeight) {
                    best = instance;
                    bestWeight = weight;
                }
            }
            current.put(best.url(), bestWeight - total);
            if (current.size() > pool.size()) {
                current.keySet().removeIf(url -> pool.stream().noneMatch(i -> i.url().equals(url)));
            }
            return best.url();
        }
    }
}
