package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.routing.entity.InstanceState;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * Passive health checking: no probes, only the outcome of real calls. After {@code gateway.proxy.eject-after}
 * failures in a row (refused, reset, timed out) an instance is ejected - skipped - for {@code gateway.proxy.eject-for}.
 * Then it gets traffic again on probation: one success clears its record, one more failure ejects it again at once.
 * An instance that answers, whatever the status, has not failed: a 5xx is the service's answer, not a dead instance.
 * <p>
 * The state is per gateway instance (each one judges what it sees) and kept by base URL, so it follows an instance
 * through configuration changes.
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

    public void succeeded(URI instance) {
        // the common case is an instance without a record: no write then
        if (failing.containsKey(instance)) {
            failing.remove(instance);
        }
    }

    public void failed(URI instance) {
        int ejectAfter = settings.ejectAfter();
        Duration ejectFor = settings.ejectFor();
        Instant now = clock.instant();
        InstanceState after = failing.compute(instance, (key, before) -> {
            int failures = (before == null ? 0 : before.consecutiveFailures()) + 1;
            return new InstanceState(failures, failures >= ejectAfter ? now.plus(ejectFor) : null);
        });
        if (after.consecutiveFailures() >= ejectAfter) {
            LOG.warning(() -> "Instance " + instance + " ejected for " + ejectFor + " after "
                    + after.consecutiveFailures() + " failures in a row");
        }
    }

    public InstanceState stateOf(URI instance) {
        return failing.getOrDefault(instance, InstanceState.HEALTHY);
    }

    public Instant now() {
        return clock.instant();
    }
}
