package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.routing.entity.Instance;
import org.apigate.gateway.routing.entity.InstanceState;
import org.apigate.gateway.routing.entity.UpstreamFailure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * Passive health checking: the outcome of real calls. After {@code gateway.proxy.eject-after} failures in a row that
 * say something about the instance (refused, connect timeout, timeout, broken - not a stale pooled connection, not a
 * busy pool) an instance is ejected - skipped - for {@code gateway.proxy.eject-for}; then it gets traffic again on
 * probation: one success clears its record, one more failure ejects it again at once. An instance that answers,
 * whatever the status, has not failed.
 * <p>
 * Ejection never takes out more than {@code gateway.proxy.max-ejection-percent} of a service's instances (Envoy's
 * {@code max_ejection_percent}; at least one may always go): when a burst of failures hits every instance at once -
 * the network, not the instances - the survivors stay in rotation. Each ejection is logged with the failure kinds
 * that led to it.
 */
@ApplicationScoped
public class PassiveHealth {

    private static final Logger LOG = Logger.getLogger(PassiveHealth.class.getName());

    private final ConcurrentMap<URI, InstanceState> failing = new ConcurrentHashMap<>();

    @Inject
    ProxySettings settings;

    private Clock clock = Clock.systemUTC();

    public PassiveHealth() {
    }

    PassiveHealth(ProxySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public boolean available(URI instance) {
        InstanceState state = failing.get(instance);
        return state == null || !state.ejectedAt(clock.instant());
    }

    /**
     * Whether the latest call to {@code instance} could not even connect (refused, connect timeout) and none has
     * succeeded since: connections pooled before then lead to a process that is gone, so calls take fresh ones.
     */
    public boolean unreachable(URI instance) {
        InstanceState state = failing.get(instance);
        return state != null && state.lastFailure() != null && state.lastFailure().connecting();
    }

    public void succeeded(URI instance) {
        // the common case is an instance without a record: no write then
        if (failing.containsKey(instance)) {
            failing.remove(instance);
        }
    }

    /**
     * Records a failed call to {@code instance} of {@code service}, whose instances are {@code siblings} (itself
     * included), and ejects it when it failed often enough and the service can spare it.
     *
     * @return whether this failure ejected the instance
     */
    public boolean failed(String service, URI instance, UpstreamFailure.Kind kind, List<Instance> siblings) {
        if (!kind.countsAgainstInstance()) {
            return false;
        }
        int ejectAfter = settings.ejectAfter();
        Instant now = clock.instant();
        Instant until = now.plus(settings.ejectFor());
        boolean[] ejected = new boolean[1];
        InstanceState after = failing.compute(instance, (key, before) -> {
            InstanceState state = before == null ? InstanceState.HEALTHY : before;
            boolean due = state.consecutiveFailures() + 1 >= ejectAfter && !state.ejectedAt(now);
            ejected[0] = due && mayEject(instance, siblings, now);
            return state.failedAgain(kind, ejected[0] ? until : state.ejectedUntil());
        });
        if (ejected[0]) {
            Duration ejectFor = Duration.between(now, until);
            LOG.warning(() -> "Instance " + instance + " of the " + service + " service ejected for " + ejectFor
                    + " after " + after.consecutiveFailures() + " failures in a row; the last: "
                    + after.recentFailures());
        }
        return ejected[0];
    }

    /** Whether one more ejection keeps the service within {@code gateway.proxy.max-ejection-percent}. */
    private boolean mayEject(URI instance, List<Instance> siblings, Instant now) {
        long others = siblings.stream().map(Instance::url)
                .filter(url -> !url.equals(instance) && !available(url, now)).count();
        long allowed = Math.max(1, siblings.size() * (long) settings.maxEjectionPercent() / 100);
        return others + 1 <= allowed;
    }

    private boolean available(URI instance, Instant now) {
        InstanceState state = failing.get(instance);
        return state == null || !state.ejectedAt(now);
    }

    public InstanceState stateOf(URI instance) {
        return failing.getOrDefault(instance, InstanceState.HEALTHY);
    }

    public Instant now() {
        return clock.instant();
    }
}
