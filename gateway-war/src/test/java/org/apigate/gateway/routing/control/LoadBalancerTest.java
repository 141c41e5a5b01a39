package org.apigate.gateway.routing.control;

import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.routing.entity.InstanceState;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round-robin over the instances passive health has not ejected, ejection after failures and return after it. */
class LoadBalancerTest {

    static final URI A = URI.create("http://127.0.0.1:1/a");
    static final URI B = URI.create("http://127.0.0.1:2/b");
    static final URI C = URI.create("http://127.0.0.1:3/c");

    final MovableClock clock = new MovableClock();
    final PassiveHealth health = new PassiveHealth(new FixedSettings(Duration.ofSeconds(1), 3, Duration.ofSeconds(10)),
            clock);
    final LoadBalancer balancer = new LoadBalancer(health);

    @Test
    void takesTurnsAndOffersTheOthersAsFailover() {
        assertEquals(List.of(A, B, C), balancer.candidates("s", List.of(A, B, C)));
        assertEquals(List.of(B, C, A), balancer.candidates("s", List.of(A, B, C)));
        assertEquals(List.of(C, A, B), balancer.candidates("s", List.of(A, B, C)));
        assertEquals(List.of(A, B, C), balancer.candidates("s", List.of(A, B, C)));
    }

    @Test
    void keepsOneTurnPerService() {
        assertEquals(A, balancer.candidates("one", List.of(A, B)).get(0));
        assertEquals(A, balancer.candidates("other", List.of(A, B)).get(0));
        assertEquals(B, balancer.candidates("one", List.of(A, B)).get(0));
    }

    @Test
    void ejectsAnInstanceAfterFailuresInARowAndSkipsIt() {
        health.failed(B);
        health.failed(B);
        assertTrue(health.available(B), "two failures are not enough");
        health.failed(B);

        assertFalse(health.available(B));
        assertEquals(new InstanceState(3, clock.instant().plusSeconds(10)), health.stateOf(B));
        for (int i = 0; i < 4; i++) {
            assertFalse(balancer.candidates("s", List.of(A, B, C)).contains(B));
        }
    }

    @Test
    void aSuccessInBetweenClearsTheRecord() {
        health.failed(B);
        health.failed(B);
        health.succeeded(B);
        health.failed(B);
        health.failed(B);

        assertTrue(health.available(B));
        assertEquals(2, health.stateOf(B).consecutiveFailures());
    }

    @Test
    void returnsAfterTheCooldownOnProbation() {
        for (int i = 0; i < 3; i++) {
            health.failed(B);
        }
        clock.advance(Duration.ofSeconds(9));
        assertFalse(health.available(B));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(health.available(B), "back after the cooldown");
        assertTrue(balancer.candidates("s", List.of(A, B)).contains(B));

        health.failed(B);
        assertFalse(health.available(B), "one more failure ejects it again at once");

        clock.advance(Duration.ofSeconds(10));
        health.succeeded(B);
        assertEquals(InstanceState.HEALTHY, health.stateOf(B));
        health.failed(B);
        assertTrue(health.available(B), "a success cleared its record");
    }

    @Test
    void noConfiguredInstanceIs503() {
        ProblemException e = assertThrows(ProblemException.class, () -> balancer.candidates("s", List.of()));
        assertEquals(503, e.problem().status());
    }

    @Test
    void everyInstanceEjectedIs503() {
        for (int i = 0; i < 3; i++) {
            health.failed(A);
            health.failed(B);
        }
        ProblemException e = assertThrows(ProblemException.class, () -> balancer.candidates("s", List.of(A, B)));
        assertEquals(503, e.problem().status());
        assertTrue(e.problem().type().endsWith("/no-healthy-instance"));
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
