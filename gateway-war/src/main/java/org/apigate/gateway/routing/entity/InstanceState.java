package org.apigate.gateway.routing.entity;

import java.time.Instant;

/**
 * Passive health of one instance: failures in a row since its last success, and until when it is skipped
 * ({@code null} when it is in rotation).
 */
public record InstanceState(int consecutiveFailures, Instant ejectedUntil) {

    public static final InstanceState HEALTHY = new InstanceState(0, null);

    public boolean ejectedAt(Instant now) {
        return ejectedUntil != null && now.isBefore(ejectedUntil);
    }
}
