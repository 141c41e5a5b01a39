package org.apigate.system.resilience;

import org.apigate.system.resilience.OrderStorm.Answer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the clients of a {@link RetryingStorm} saw around the moment an instance was killed: their attempts before,
 * across and after it, the failures among them by status and problem type, and the orders they ended with.
 */
final class KilledUnderStorm {

    private final List<RetryingStorm.Client> clients;
    private final Instant killedAt;

    KilledUnderStorm(List<RetryingStorm.Client> clients, Instant killedAt) {
        this.clients = clients;
        this.killedAt = killedAt;
    }

    List<Answer> attempts() {
        return clients.stream().flatMap(c -> c.attempts().stream()).toList();
    }

    /** The order each client ended with (201). */
    Set<String> orderIds() {
        return clients.stream().filter(c -> c.last().status() == 201).map(c -> c.last().orderId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Clients that gave up without their order, with their last answer. */
    List<String> unplaced() {
        return clients.stream().filter(c -> c.last().status() != 201).map(c -> c.key() + ": " + c.last()).toList();
    }

    /**
     * Failures other than an answer a client retries with its key (502, 503, 409 idempotency-key-in-use), counted by
     * label: none is expected - a request that got no answer at all is one too.
     */
    Map<String, Long> unexpectedFailures() {
        return failures(a -> !(a.answered() && RetryingStorm.retryable(a)));
    }

    private Map<String, Long> failures(Predicate<Answer> which) {
        return attempts().stream().filter(a -> a.status() != 201).filter(which)
                .collect(Collectors.groupingBy(KilledUnderStorm::label, TreeMap::new, Collectors.counting()));
    }

    /** E.g. {@code 502 upstream-failed}; for no answer at all, what the client's HTTP client threw. */
    static String label(Answer answer) {
        if (!answer.answered()) {
            return answer.status() + " " + answer.failure();
        }
        String type = answer.problemType() == null ? "" : answer.problemType();
        return answer.status() + (type.isEmpty() ? "" : " " + type.substring(type.lastIndexOf('/') + 1));
    }

    private boolean answeredBeforeKill(Answer answer) {
        return answer.sent().plus(answer.took()).isBefore(killedAt);
    }

    @Override
    public String toString() {
        List<Answer> attempts = attempts();
        long inFlight = attempts.stream().filter(a -> a.inFlightAt(killedAt)).count();
        return String.format("%d clients, %d requests (%d retries by %d clients); failures answered before the kill "
                        + "%s, after it %s; %d requests in flight at the kill, of which %s failed",
                clients.size(), attempts.size(), attempts.size() - clients.size(),
                clients.stream().filter(c -> c.retries() > 0).count(), failures(this::answeredBeforeKill),
                failures(a -> !answeredBeforeKill(a)), inFlight, failures(a -> a.inFlightAt(killedAt)));
    }
}
