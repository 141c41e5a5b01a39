package org.apigate.gateway.routing.control;

import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.routing.entity.Instance;
import org.apigate.gateway.routing.entity.InstanceState;
import org.apigate.gateway.routing.entity.UpstreamFailure.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ejection after failures in a row that say something about the instance, never more than max-ejection-percent of a
 * service at once, and the way back: cooldown, then probation.
 */
class PassiveHealthTest {

    static final URI A = URI.create("http://10.0.0.1:8080/a");
    static final URI B = URI.create("http://10.0.0.2:8080/b");
    static final List<Instance> TWO = List.of(new Instance(A, 1), new Instance(B, 1));

    final TestClock clock = new TestClock();
    final TestConfig config = TestConfig.of("gateway.proxy.eject-after", "3", "gateway.proxy.eject-for", "PT10S",
            "gateway.proxy.max-ejection-percent", "50");
    final PassiveHealth health = new PassiveHealth(new ProxySettings(config), clock);

    /** Fails {@code instance} {@code times} times; whether the last failure ejected it. */
    boolean fail(URI instance, int times, Kind kind, List<Instance> siblings) {
        boolean ejected = false;
        for (int i = 0; i < times; i++) {
            ejected = health.failed("s", instance, kind, siblings);
        }
        return ejected;
    }

    static List<Instance> instances(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Instance(URI.create("http://10.0.1." + i + ":8080/s"), 1))
                .toList();
    }

    @Test
    void ejectsAfterEjectAfterFailuresInARow() {
        assertFalse(fail(A, 2, Kind.REFUSED, TWO));
        assertTrue(health.available(A), "two failures are not enough");

        assertTrue(health.failed("s", A, Kind.TIMEOUT, TWO));

        assertFalse(health.available(A));
        assertEquals(new InstanceState(3, List.of(Kind.REFUSED, Kind.REFUSED, Kind.TIMEOUT),
                clock.instant().plusSeconds(10)), health.stateOf(A));
        assertTrue(health.available(B));
    }

    @Test
    void everyKindThatSaysSomethingAboutTheInstanceCounts() {
        List<Instance> many = instances(10);
        config.set("gateway.proxy.max-ejection-percent", "100");
        Kind[] counted = {Kind.REFUSED, Kind.CONNECT_TIMEOUT, Kind.TIMEOUT, Kind.BROKEN};
        for (int i = 0; i < counted.length; i++) {
            URI instance = many.get(i).url();
            assertTrue(fail(instance, 3, counted[i], many), counted[i].name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"STALE_CONNECTION", "POOL_EXHAUSTED", "CLIENT_BODY"})
    void failuresThatSayNothingAboutTheInstanceNeverCount(Kind kind) {
        assertFalse(fail(A, 10, kind, TWO));

        assertTrue(health.available(A));
        assertEquals(InstanceState.HEALTHY, health.stateOf(A));
    }

    @Test
    void failuresThatDoNotCountNeitherBreakNorResetTheRow() {
        fail(A, 2, Kind.REFUSED, TWO);
        fail(A, 5, Kind.STALE_CONNECTION, TWO);

        assertTrue(health.failed("s", A, Kind.REFUSED, TWO));
    }

    @Test
    void aSuccessClearsTheRecord() {
        fail(A, 2, Kind.REFUSED, TWO);
        health.succeeded(A);
        fail(A, 2, Kind.REFUSED, TWO);

        assertTrue(health.available(A));
        assertEquals(2, health.stateOf(A).consecutiveFailures());
    }

    @Test
    void ofTwoInstancesAtFiftyPercentOnlyOneIsEjected() {
        assertTrue(fail(A, 3, Kind.REFUSED, TWO));

        assertFalse(fail(B, 10, Kind.REFUSED, TWO), "the survivor stays in rotation");
        assertTrue(health.available(B));
        assertEquals(10, health.stateOf(B).consecutiveFailures(), "its failures are still counted");

        clock.advance(Duration.ofSeconds(10));
        assertTrue(health.failed("s", B, Kind.REFUSED, TWO), "once A is back, B may go");
    }

    /** What an operator reads to tell a dead instance from stale connections or a busy pool: one line per ejection. */
    @Test
    void logsEachEjectionWithTheInstanceAndTheFailureKindsThatLedToIt() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(PassiveHealth.class.getName());
        logger.addHandler(handler);
        try {
            health.failed("s", A, Kind.REFUSED, TWO);
            health.failed("s", A, Kind.STALE_CONNECTION, TWO);
            health.failed("s", A, Kind.CONNECT_TIMEOUT, TWO);
            assertEquals(List.of(), records, "no ejection yet, nothing logged");

            health.failed("s", A, Kind.BROKEN, TWO);
            fail(B, 5, Kind.REFUSED, TWO);
        } finally {
            logger.removeHandler(handler);
        }

        assertEquals(1, records.size(), "one ejection, one line (B stays: max-ejection-percent)");
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertEquals("Instance " + A + " of the s service ejected for PT10S after 3 failures in a row; the last: "
                + List.of(Kind.REFUSED, Kind.CONNECT_TIMEOUT, Kind.BROKEN), records.get(0).getMessage());
    }

    @Test
    void theOnlyInstanceMayBeEjected() {
        List<Instance> one = List.of(new Instance(A, 1));

        assertTrue(fail(A, 3, Kind.REFUSED, one));
        assertFalse(health.available(A));
    }

    @Test
    void ofTenInstancesAtThirtyPercentAtMostThreeAreEjected() {
        config.set("gateway.proxy.max-ejection-percent", "30");
        List<Instance> ten = instances(10);

        for (Instance instance : ten) {
            fail(instance.url(), 5, Kind.BROKEN, ten);
        }

        assertEquals(3, ten.stream().filter(instance -> !health.available(instance.url())).count());
    }

    @Test
    void atZeroPercentOneMayStillGo() {
        config.set("gateway.proxy.max-ejection-percent", "0");
        List<Instance> ten = instances(10);

        for (Instance instance : ten) {
            fail(instance.url(), 3, Kind.REFUSED, ten);
        }

        assertEquals(1, ten.stream().filter(instance -> !health.available(instance.url())).count());
    }

    @Test
    void comesBackAfterTheCooldownOnProbation() {
        fail(A, 3, Kind.REFUSED, TWO);

        clock.advance(Duration.ofSeconds(10).minusNanos(1));
        assertFalse(health.available(A));
        clock.advance(Duration.ofNanos(1));
        assertTrue(health.available(A), "back after eject-for");

        assertTrue(health.failed("s", A, Kind.REFUSED, TWO), "one more failure ejects it again at once");
        assertFalse(health.available(A));
        assertEquals(clock.instant().plusSeconds(10), health.stateOf(A).ejectedUntil());
    }

    @Test
    void aSuccessOnProbationClearsTheRecord() {
        fail(A, 3, Kind.REFUSED, TWO);
        clock.advance(Duration.ofSeconds(10));

        health.succeeded(A);

        assertEquals(InstanceState.HEALTHY, health.stateOf(A));
        assertFalse(health.failed("s", A, Kind.REFUSED, TWO), "three failures in a row are needed again");
        assertTrue(health.available(A));
    }

    @Test
    void failuresWhileEjectedDoNotProlongTheEjection() {
        fail(A, 3, Kind.REFUSED, TWO);
        var until = health.stateOf(A).ejectedUntil();
        clock.advance(Duration.ofSeconds(5));

        assertFalse(fail(A, 4, Kind.REFUSED, TWO), "panic routing may still call it; that is no new ejection");

        assertEquals(until, health.stateOf(A).ejectedUntil());
        assertEquals(7, health.stateOf(A).consecutiveFailures());
        assertEquals(5, health.stateOf(A).recentFailures().size(), "the last five kinds are remembered");
    }

    @Test
    void followsChangedSettings() {
        config.set("gateway.proxy.eject-after", "1").set("gateway.proxy.eject-for", "PT1M");

        assertTrue(health.failed("s", A, Kind.REFUSED, TWO));
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), health.stateOf(A).ejectedUntil());
    }

    @Test
    void anInstanceIsUnreachableWhileItsLatestCallCouldNotConnect() {
        assertFalse(health.unreachable(A));
        health.failed("s", A, Kind.TIMEOUT, TWO);
        assertFalse(health.unreachable(A), "a timeout came over a connection");

        health.failed("s", A, Kind.REFUSED, TWO);
        assertTrue(health.unreachable(A));
        health.failed("s", B, Kind.CONNECT_TIMEOUT, TWO);
        assertTrue(health.unreachable(B));

        health.succeeded(A);
        assertFalse(health.unreachable(A));
    }
}
