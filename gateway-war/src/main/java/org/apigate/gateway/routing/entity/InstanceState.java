package org.apigate.gateway.routing.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Passive health of one instance: failures in a row since its last success (with the kinds of the last few, for
 * operators), and until when it is skipped ({@code null} when it is in rotation).
 */
public record InstanceState(int consecutiveFailures, List<UpstreamFailure.Kind> recentFailures,
                            Instant ejectedUntil) {

    public static final InstanceState HEALTHY = new InstanceState(0, List.of(), null);
    private static final int REMEMBERED = 5;

    public InstanceState {
        recentFailures = List.copyOf(recentFailures);
    }

    public boolean ejectedAt(Instant now) {
        return ejectedUntil != null && now.isBefore(ejectedUntil);
    }

    /** The kind of the latest failure, or null when there is none on record. */
    public UpstreamFailure.Kind lastFailure() {
        return recentFailures.isEmpty() ? null : recentFailures.get(recentFailures.size() - 1);
    }

    /** This state after one more failure of {@code kind}; ejected until {@code until} when that is not null. */
    public InstanceState failedAgain(UpstreamFailure.Kind kind, Instant until) {
        List<UpstreamFailure.Kind> recent = new ArrayList<>(recentFailures);
        recent.add(kind);
        if (recent.size() > REMEMBERED) {
            recent.remove(0);
        }
        return new InstanceState(consecutiveFailures + 1, recent, until);
    }
}
