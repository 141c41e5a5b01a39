package org.apigate.order.instances;

import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The gateway's failover rules, for the order service's calls: never sent - next instance for any call; may have
 * arrived - next instance only for idempotent calls; an answer - no other instance.
 */
class FailoverTest {

    static final ProcessingException REFUSED = new ProcessingException(new ConnectException("Connection refused"));
    static final ProcessingException CONNECT_TIMEOUT =
            new ProcessingException(new SocketTimeoutException("Connect timed out"));
    static final ProcessingException READ_TIMEOUT =
            new ProcessingException(new SocketTimeoutException("Read timed out"));
    static final ProcessingException RESET = new ProcessingException(new SocketException("Connection reset"));

    final List<String> called = new ArrayList<>();
    final Instances<String> instances = new Instances<>("inventory", List.of(
            new Instances.Instance<>(URI.create("http://a:1/inventory"), "a"),
            new Instances.Instance<>(URI.create("http://b:1/inventory"), "b")));

    /** A call whose outcome per instance is scripted: an exception is thrown, anything else is the answer. */
    Function<String, String> scripted(Map<String, Object> outcomes) {
        return instance -> {
            called.add(instance);
            Object outcome = outcomes.get(instance);
            if (outcome instanceof RuntimeException failure) {
                throw failure;
            }
            return (String) outcome;
        };
    }

    @AfterEach
    void noInterruptLeft() {
        Thread.interrupted();
    }

    @Test
    void aCallThatCouldNotBeSentGoesToTheNextInstanceWhateverItIs() {
        for (RuntimeException neverSent : List.of(REFUSED, CONNECT_TIMEOUT,
                new ProcessingException(new UnknownHostException("a")))) {
            called.clear();
            assertEquals("answered", Failover.call(twoFresh(), scripted(Map.of("a", neverSent, "b", "answered")),
                    false));
            assertEquals(List.of("a", "b"), called, neverSent.toString());
        }
    }

    @Test
    void aCallThatMayHaveArrivedGoesOnOnlyWhenItIsIdempotent() {
        for (RuntimeException mayHaveArrived : List.of(READ_TIMEOUT, RESET,
                new ProcessingException(new IOException("Unexpected end of file from server")))) {
            called.clear();
            assertSame(mayHaveArrived, assertThrows(RuntimeException.class, () -> Failover.call(twoFresh(),
                    scripted(Map.of("a", mayHaveArrived, "b", "answered")), false)));
            assertEquals(List.of("a"), called, "not idempotent: " + mayHaveArrived);

            called.clear();
            assertEquals("answered", Failover.call(twoFresh(), scripted(Map.of("a", mayHaveArrived,
                    "b", "answered")), true));
            assertEquals(List.of("a", "b"), called, "idempotent: " + mayHaveArrived);
        }
    }

    @Test
    void anAnswerEndsTheCallEvenAnErrorOne() {
        IllegalStateException outOfStock = new IllegalStateException("409 out of stock");

        assertSame(outOfStock, assertThrows(IllegalStateException.class,
                () -> Failover.call(twoFresh(), scripted(Map.of("a", outOfStock, "b", "answered")), true)));

        assertEquals(List.of("a"), called);
    }

    @Test
    void whenNoInstanceAnswersTheLastFailureIsThrown() {
        assertSame(READ_TIMEOUT, assertThrows(ProcessingException.class,
                () -> Failover.call(twoFresh(), scripted(Map.of("a", REFUSED, "b", READ_TIMEOUT)), true)));
        assertEquals(List.of("a", "b"), called);
    }

    @Test
    void callsTakeTheInstancesInTurn() {
        Function<String, String> echo = scripted(Map.of("a", "a", "b", "b"));

        List<String> answers = List.of(Failover.call(instances, echo, false), Failover.call(instances, echo, false),
                Failover.call(instances, echo, false));

        assertEquals(List.of("a", "b", "a"), answers);
    }

    /** Payara's {@code @Timeout} interrupts the calling thread when the call's time is up: no next instance then. */
    @Test
    void noFurtherInstanceOnceTheTimeoutHasInterruptedTheCall() {
        Function<String, String> refusedThenInterrupted = instance -> {
            called.add(instance);
            Thread.currentThread().interrupt();
            throw REFUSED;
        };

        assertSame(REFUSED, assertThrows(ProcessingException.class,
                () -> Failover.call(twoFresh(), refusedThenInterrupted, true)));
        assertEquals(List.of("a"), called);
    }

    @Test
    void failuresAreSortedByTheirFirstIoCause() {
        assertEquals(CallFailure.NOT_SENT, CallFailure.of(REFUSED));
        assertEquals(CallFailure.NOT_SENT, CallFailure.of(CONNECT_TIMEOUT));
        assertEquals(CallFailure.MAY_HAVE_ARRIVED, CallFailure.of(READ_TIMEOUT));
        assertEquals(CallFailure.MAY_HAVE_ARRIVED, CallFailure.of(RESET));
        assertEquals(CallFailure.ANSWER, CallFailure.of(new IllegalStateException("a mapped 503")));
        assertEquals(CallFailure.ANSWER, CallFailure.of(new ProcessingException("a filter failed")));
    }

    /** Two instances whose next turn starts at a. */
    static Instances<String> twoFresh() {
        return new Instances<>("inventory", List.of(new Instances.Instance<>(URI.create("http://a:1/i"), "a"),
                new Instances.Instance<>(URI.create("http://b:1/i"), "b")));
    }
}
