package org.apigate.gateway.aggregate.control;

import org.apigate.common.problem.Problem;
import org.apigate.gateway.aggregate.entity.BranchError;
import org.apigate.gateway.aggregate.entity.Deadline;
import org.apigate.gateway.aggregate.entity.Outcome;
import org.apigate.gateway.aggregate.entity.Reason;
import org.apigate.gateway.exchange.BufferedReply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting for a branch never outlasts its deadline, and every way of failing becomes an error naming the service. */
class PendingBranchTest {

    @Test
    void aBranchThatDoesNotFinishInTimeIsATimeoutAndIsCancelled() {
        CompletableFuture<Outcome<BufferedReply>> never = new CompletableFuture<>();
        long start = System.nanoTime();

        Outcome<BufferedReply> outcome = new PendingBranch("order", never, Deadline.after(Duration.ofMillis(100)))
                .await();

        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(BranchFailures.timeout("order"), outcome.error());
        assertEquals(Reason.TIMEOUT, outcome.error().reason());
        assertTrue(waited.compareTo(Duration.ofSeconds(2)) < 0, waited::toString);
        assertTrue(never.isCancelled());
    }

    @Test
    void aPassedDeadlineStillTakesAnAnswerThatIsThere() {
        Outcome<BufferedReply> answered = Outcome.of(new BufferedReply(200, Map.of(), new byte[0]));

        Outcome<BufferedReply> outcome = new PendingBranch("user", CompletableFuture.completedFuture(answered),
                Deadline.after(Duration.ofMillis(-5))).await();

        assertSame(answered, outcome);
    }

    @Test
    void anUnexpectedExceptionIsAFailedBranch() {
        CompletableFuture<Outcome<BufferedReply>> broken = CompletableFuture.failedFuture(new IllegalStateException());

        Outcome<BufferedReply> outcome = new PendingBranch("user", broken, Deadline.after(Duration.ofSeconds(1)))
                .await();

        assertEquals(new BranchError("user", Reason.FAILED, null, "The gateway could not call the user service."),
                outcome.error());
    }

    @Test
    void theRoutingsProblemsBecomeReasons() {
        assertEquals(Reason.TIMEOUT, BranchFailures.of("user", Problem.of(504, "Gateway Timeout", "slow")).reason());
        BranchError unavailable = BranchFailures.of("order", Problem.of(503, "Service Unavailable", "none"));
        assertEquals(new BranchError("order", Reason.UNAVAILABLE, null, "none"), unavailable);
        assertEquals(Reason.REFUSED, BranchFailures.of("user", Problem.of(502, "Bad Gateway", "refused")).reason());
        assertEquals(Reason.FAILED, BranchFailures.of("user", Problem.of(400, "Bad Request", "header")).reason());
    }

    @Test
    void theEarliestDeadlineWins() {
        Deadline soon = Deadline.after(Duration.ofMillis(10));
        Deadline later = Deadline.after(Duration.ofSeconds(10));

        assertSame(soon, soon.earliest(later));
        assertSame(soon, later.earliest(soon));
        assertTrue(later.left().compareTo(Duration.ofSeconds(9)) > 0);
    }
}
