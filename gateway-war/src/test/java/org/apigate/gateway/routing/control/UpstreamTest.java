package org.apigate.gateway.routing.control;

import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.backend.TestBackend;
import org.apigate.gateway.routing.entity.UpstreamReply;
import org.apigate.gateway.routing.entity.UpstreamRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failover and failure classification of {@link Upstream} over the real JDK client, against instances on loopback
 * that refuse, reset, stall or answer 503.
 */
class UpstreamTest {

    /** Long enough for a first connection on a busy machine, short enough to wait for twice. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);

    final TestBackend first = TestBackend.start("first");
    final TestBackend second = TestBackend.start("second");
    final PassiveHealth health = new PassiveHealth(new FixedSettings(TIMEOUT, 3, Duration.ofSeconds(30)),
            Clock.systemUTC());
    final UpstreamClient client = new UpstreamClient(new FixedSettings(TIMEOUT, 3, Duration.ofSeconds(30)));
    final String id = UUID.randomUUID().toString();

    /**
     * The first call in a JVM loads and links the JDK client and the test backend - seconds on a busy machine, more
     * than {@link #TIMEOUT} - so whichever test came first timed out now and then. Not what these tests are about.
     */
    @BeforeAll
    static void warmUp() throws UpstreamFailure {
        try (TestBackend backend = TestBackend.start("warm-up")) {
            new UpstreamClient(new FixedSettings(TIMEOUT, 3, Duration.ofSeconds(30))).send(URI.create(backend.url("/svc")),
                    new UpstreamRequest("GET", "svc", "/", Map.of(), "{}".getBytes()), Duration.ofSeconds(60));
        }
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    Upstream over(String... instances) {
        LoadBalancer balancer = new LoadBalancer(health) {
            @Override
            public List<URI> candidates(String service) {
                // in the order given: the test decides who is tried first
                return java.util.Arrays.stream(instances).map(URI::create).toList();
            }
        };
        return new Upstream(balancer, client, health);
    }

    UpstreamRequest request(String method, String behaviour) {
        return new UpstreamRequest(method, "svc", "/api/things?x=1",
                Map.of("X-Request-Id", List.of(id), TestBackend.BEHAVIOUR, List.of(behaviour)), "{}".getBytes());
    }

    long received(TestBackend backend) {
        return backend.count(r -> r.hasRequestId(id));
    }

    @Test
    void aRefusedConnectionFailsOverEvenForAPost() {
        String refused = "http://127.0.0.1:" + closedPort() + "/svc";

        UpstreamReply reply = over(refused, first.url("/svc")).exchange(request("POST", "echo"));

        assertEquals(200, reply.status());
        assertEquals(1, received(first));
        assertEquals(1, health.stateOf(URI.create(refused)).consecutiveFailures());
    }

    @Test
    void aTimeoutFailsOverOnlyForIdempotentMethods() {
        ProblemException post = assertThrows(ProblemException.class,
                () -> over(first.url("/svc"), second.url("/svc")).exchange(request("POST", "slow")));
        assertEquals(504, post.problem().status());
        assertEquals(1, received(first));
        assertEquals(0, received(second), "a POST that may have arrived is not sent again");

        ProblemException get = assertThrows(ProblemException.class,
                () -> over(first.url("/svc"), second.url("/svc")).exchange(request("GET", "slow")));
        assertEquals(504, get.problem().status());
        assertEquals(1, received(second), "a GET is tried on the next instance");
    }

    @Test
    void aDroppedConnectionIs502AndFailsOverOnlyForIdempotentMethods() {
        ProblemException post = assertThrows(ProblemException.class,
                () -> over(first.url("/svc"), second.url("/svc")).exchange(request("POST", "close")));
        assertEquals(502, post.problem().status());
        assertEquals(0, received(second));

        ProblemException put = assertThrows(ProblemException.class,
                () -> over(first.url("/svc"), second.url("/svc")).exchange(request("PUT", "close")));
        assertEquals(502, put.problem().status());
        assertEquals(1, received(second), "a PUT is tried on the next instance");
    }

    @Test
    void aResetConnectionIs502() throws Exception {
        try (ServerSocket resetting = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> resetEvery(resetting));
            acceptor.setDaemon(true);
            acceptor.start();

            ProblemException e = assertThrows(ProblemException.class,
                    () -> over("http://127.0.0.1:" + resetting.getLocalPort() + "/svc").exchange(request("POST", "")));

            assertEquals(502, e.problem().status());
        }
    }

    @Test
    void a503AnswerIsTriedElsewhereForIdempotentMethodsAndPassedOnOtherwise() {
        UpstreamReply get = over(first.url("/svc"), second.url("/svc")).exchange(request("GET", "unavailable"));
        assertEquals(503, get.status());
        assertEquals(1, received(first));
        assertEquals(1, received(second));
        assertTrue(new String(get.body(), StandardCharsets.UTF_8).contains("unavailable at second"));
        assertEquals(0, health.stateOf(URI.create(first.url("/svc"))).consecutiveFailures(),
                "an answer is no failure of the instance");

        UpstreamReply post = over(first.url("/svc"), second.url("/svc")).exchange(request("POST", "unavailable"));
        assertEquals(503, post.status());
        assertEquals(2, received(first));
        assertEquals(1, received(second));
    }

    @Test
    void otherStatusesAreAnswers() {
        UpstreamReply reply = over(first.url("/svc"), second.url("/svc")).exchange(request("GET", "status=404"));

        assertEquals(404, reply.status());
        assertEquals(0, received(second));
        assertEquals("application/problem+json", reply.header("content-type").orElseThrow());
    }

    @Test
    void aBodyThatStallsAfterTheHeadersTimesOut() {
        // the backend would finish the body when it closes (10 s): a 504 means the gateway's timeout cut it off
        ProblemException e = assertThrows(ProblemException.class,
                () -> over(first.url("/svc")).exchange(request("POST", "stall-body")));

        assertEquals(504, e.problem().status());
        assertEquals(1, health.stateOf(URI.create(first.url("/svc"))).consecutiveFailures());
    }

    @Test
    void aBudgetBoundsAllAttemptsAndItsTimeoutIsNoFailureOfTheInstance() {
        long start = System.nanoTime();
        ProblemException e = assertThrows(ProblemException.class, () -> over(first.url("/svc"), second.url("/svc"))
                .exchange(request("GET", "slow"), Duration.ofMillis(300)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(504, e.problem().status());
        assertTrue(took.compareTo(TIMEOUT) < 0, () -> "bounded by the budget, not by the proxy timeout: " + took);
        assertEquals(0, received(second), "no time was left for the next instance");
        assertEquals(0, health.stateOf(URI.create(first.url("/svc"))).consecutiveFailures(),
                "the caller's impatience is not the instance's failure");
    }

    @Test
    void aBudgetStillFailsOverAndCountsRealFailures() {
        String refused = "http://127.0.0.1:" + closedPort() + "/svc";

        UpstreamReply reply = over(refused, first.url("/svc")).exchange(request("GET", "echo"), Duration.ofSeconds(5));

        assertEquals(200, reply.status());
        assertEquals(1, health.stateOf(URI.create(refused)).consecutiveFailures());
    }

    private static void resetEvery(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.getInputStream().read(new byte[1024]);
                socket.setSoLinger(true, 0); // close with RST instead of FIN
            } catch (IOException e) {
                return;
            }
        }
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
