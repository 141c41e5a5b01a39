package org.apigate.gateway.routing.control;

import org.apigate.gateway.config.CachedConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.exchange.BufferedReply;
import org.apigate.gateway.routing.entity.RequestBody;
import org.apigate.gateway.routing.entity.UpstreamFailure;
import org.apigate.gateway.routing.entity.UpstreamFailure.Kind;
import org.apigate.gateway.routing.entity.UpstreamRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failover of {@link Upstream} over a scripted client: what is tried again, where, and what counts against an
 * instance's health. The first instance is always A (equal weights, a fresh balancer).
 */
class UpstreamTest {

    static final URI A = URI.create("http://10.0.0.1:8080/svc");
    static final URI B = URI.create("http://10.0.0.2:8080/svc");

    /** One call the client was asked to make. */
    record Call(URI instance, boolean fresh, Duration timeout) {
    }

    /** Answers each instance's calls from its script: a status, or a failure kind. */
    static final class ScriptedClient extends UpstreamClient {

        final Map<URI, Deque<Object>> scripts = new HashMap<>();
        final List<Call> calls = new ArrayList<>();
        final List<URI> closed = new ArrayList<>();

        ScriptedClient script(URI instance, Object... outcomes) {
            scripts.put(instance, new ArrayDeque<>(List.of(outcomes)));
            return this;
        }

        @Override
        public UpstreamResponse send(URI instance, UpstreamRequest request, Duration timeout, boolean fresh)
                throws UpstreamFailure {
            calls.add(new Call(instance, fresh, timeout));
            if (!request.body().isEmpty()) {
                try {
                    request.body().content().read(); // sending touches a streamed body
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Object outcome = scripts.get(instance).removeFirst();
            if (outcome instanceof Kind kind) {
                throw new UpstreamFailure(kind, null);
            }
            BasicClassicHttpResponse response = new BasicClassicHttpResponse((Integer) outcome) {
                @Override
                public void close() throws IOException {
                    closed.add(instance);
                    super.close();
                }
            };
            response.setEntity(new ByteArrayEntity(("from " + instance.getHost()).getBytes(StandardCharsets.UTF_8),
                    null));
            return new UpstreamResponse(instance, response);
        }

        List<URI> instancesCalled() {
            return calls.stream().map(Call::instance).toList();
        }
    }

    final TestConfig config = TestConfig.of("gateway.service.svc.urls", A + "," + B, "gateway.proxy.eject-after", "5");
    final ProxySettings settings = new ProxySettings(config);
    final PassiveHealth health = new PassiveHealth(settings, new TestClock());
    final ScriptedClient client = new ScriptedClient();
    final List<String> observed = new ArrayList<>();

    /** A new upstream with a new balancer: its first candidate is A. */
    Upstream upstream() {
        ServiceDirectory directory = new ServiceDirectory();
        directory.config = new CachedConfig(config, 0);
        LoadBalancer balancer = new LoadBalancer(health);
        balancer.directory = directory;
        return new Upstream(balancer, client, health, settings, List.of((service, instance, nanos, failure) ->
                observed.add(instance.getHost() + " " + (failure == null ? "answered" : failure))));
    }

    static UpstreamRequest request(String method) {
        return request(method, RequestBody.NONE);
    }

    static UpstreamRequest request(String method, RequestBody body) {
        return new UpstreamRequest(method, "svc", "/api/things?x=1", Map.of(), body, Duration.ofSeconds(10));
    }

    /** A request with the client's {@code Idempotency-Key}. */
    static UpstreamRequest keyed(String method) {
        return new UpstreamRequest(method, "svc", "/api/things", Map.of("Idempotency-Key", List.of("k-1")),
                RequestBody.of(new byte[]{'{', '}'}), Duration.ofSeconds(10));
    }

    int failuresOf(URI instance) {
        return health.stateOf(instance).consecutiveFailures();
    }

    @Test
    void aRefusedConnectionFailsOverEvenForAPost() {
        client.script(A, Kind.REFUSED).script(B, 201);

        UpstreamResponse response = upstream().open(request("POST"), null);

        assertEquals(201, response.status());
        assertEquals(B, response.instance());
        assertEquals(1, failuresOf(A));
        assertEquals(List.of("10.0.0.1 REFUSED", "10.0.0.2 answered"), observed);
    }

    @Test
    void aTimeoutFailsOverOnlyForIdempotentMethods() {
        client.script(A, Kind.TIMEOUT, Kind.TIMEOUT).script(B, 200, 200);

        ProblemException post = assertThrows(ProblemException.class, () -> upstream().open(request("POST"), null));
        assertEquals(504, post.problem().status());
        assertEquals(List.of(A), client.instancesCalled(), "a POST that may have arrived is not sent again");

        client.calls.clear();
        assertEquals(200, upstream().open(request("GET"), null).status());
        assertEquals(List.of(A, B), client.instancesCalled(), "a GET is tried on the next instance");
    }

    @Test
    void aBrokenConnectionIs502AndFailsOverOnlyForIdempotentMethods() {
        client.script(A, Kind.BROKEN).script(B, 200);
        ProblemException post = assertThrows(ProblemException.class, () -> upstream().open(request("POST"), null));
        assertEquals(502, post.problem().status());
        assertEquals(List.of(A), client.instancesCalled());

        client.calls.clear();
        client.script(A, Kind.BROKEN).script(B, 200);
        assertEquals(200, upstream().open(request("PUT"), null).status());
    }

    @Test
    void aStalePooledConnectionIsRetriedOnceFreshOnTheSameInstanceWithoutCounting() {
        client.script(A, Kind.STALE_CONNECTION, 200);

        assertEquals(200, upstream().open(request("GET"), null).status());

        assertEquals(List.of(new Call(A, false, Duration.ofSeconds(10)), new Call(A, true, Duration.ofSeconds(10))),
                client.calls);
        assertEquals(0, failuresOf(A));
    }

    @Test
    void aSecondStaleConnectionMovesOnAndAPostIsNotRetried() {
        client.script(A, Kind.STALE_CONNECTION, Kind.STALE_CONNECTION).script(B, 200);
        assertEquals(B, upstream().open(request("GET"), null).instance());
        assertEquals(List.of(A, A, B), client.instancesCalled());

        client.calls.clear();
        client.script(A, Kind.STALE_CONNECTION, 200).script(B, 200);
        ProblemException post = assertThrows(ProblemException.class, () -> upstream().open(request("POST"), null));
        assertEquals(502, post.problem().status(), "a POST on a broken connection may have arrived");
    }

    @Test
    void aPostWithAnIdempotencyKeyIsRetriedFreshAfterAStaleConnection() {
        client.script(A, Kind.STALE_CONNECTION, 201);

        assertEquals(201, upstream().open(keyed("POST"), null).status());

        assertEquals(List.of(new Call(A, false, Duration.ofSeconds(10)), new Call(A, true, Duration.ofSeconds(10))),
                client.calls);
        assertEquals(0, failuresOf(A));
    }

    /** The instance was killed: its pooled connection is stale, a fresh one is refused, the next instance answers. */
    @Test
    void aKeyedPostOnAConnectionToAKilledInstanceGoesToTheNextInstance() {
        client.script(A, Kind.STALE_CONNECTION, Kind.REFUSED).script(B, 201);

        UpstreamResponse response = upstream().open(keyed("POST"), null);

        assertEquals(B, response.instance());
        assertEquals(List.of(A, A, B), client.instancesCalled());
    }

    @Test
    void anIdempotencyKeyDoesNotMakeATimeoutOrABrokenConnectionRepeatable() {
        client.script(A, Kind.TIMEOUT, Kind.BROKEN).script(B, 201, 201);

        assertEquals(504, assertThrows(ProblemException.class,
                () -> upstream().open(keyed("POST"), null)).problem().status());
        assertEquals(502, assertThrows(ProblemException.class,
                () -> upstream().open(keyed("POST"), null)).problem().status());
        assertEquals(List.of(A, A), client.instancesCalled(), "the first attempt may still be running");
    }

    @Test
    void afterARefusalTheInstanceGetsFreshConnectionsUntilACallSucceeds() {
        client.script(A, Kind.REFUSED, 200, 200).script(B, 200);
        assertEquals(B, upstream().open(request("POST"), null).instance());

        assertEquals(A, upstream().open(request("POST"), null).instance());
        assertEquals(A, upstream().open(request("POST"), null).instance());

        assertEquals(List.of(false, true, false), client.calls.stream().filter(c -> c.instance().equals(A))
                .map(Call::fresh).toList(), "pooled, then fresh while refused, then pooled again");
    }

    @Test
    void aBusyPoolTriesTheNextInstanceAndCountsAgainstNone() {
        client.script(A, Kind.POOL_EXHAUSTED).script(B, Kind.POOL_EXHAUSTED);

        ProblemException e = assertThrows(ProblemException.class, () -> upstream().open(request("POST"), null));

        assertEquals(503, e.problem().status());
        assertEquals(List.of(A, B), client.instancesCalled());
        assertEquals(0, failuresOf(A) + failuresOf(B));
    }

    @Test
    void a503AnswerIsTriedElsewhereForIdempotentMethodsAndTheLastIsPassedOn() {
        client.script(A, 503).script(B, 502);

        UpstreamResponse response = upstream().open(request("GET"), null);

        assertEquals(502, response.status());
        assertEquals(B, response.instance());
        assertEquals(List.of(A), client.closed, "the first answer was released");
        assertEquals(0, failuresOf(A), "an answer is no failure of the instance");
    }

    @Test
    void a503AnswerToAPostIsPassedOn() {
        client.script(A, 503).script(B, 200);

        assertEquals(503, upstream().open(request("POST"), null).status());
        assertEquals(List.of(A), client.instancesCalled());
    }

    @Test
    void otherStatusesAreAnswers() {
        client.script(A, 404).script(B, 200);

        assertEquals(404, upstream().open(request("GET"), null).status());
        assertEquals(List.of(A), client.instancesCalled());
    }

    @Test
    void aStreamedBodyAlreadySentIsNotSentAgain() {
        client.script(A, Kind.BROKEN).script(B, 200);
        RequestBody body = RequestBody.streamed(new ByteArrayInputStream(new byte[]{1, 2, 3}), 3);

        ProblemException e = assertThrows(ProblemException.class, () -> upstream().open(request("PUT", body), null));

        assertEquals(502, e.problem().status());
        assertEquals(List.of(A), client.instancesCalled());
    }

    @Test
    void whenEveryInstanceFailsTheLastFailureIsTheAnswer() {
        client.script(A, Kind.REFUSED).script(B, Kind.CONNECT_TIMEOUT);

        ProblemException e = assertThrows(ProblemException.class, () -> upstream().open(request("GET"), null));

        assertEquals(504, e.problem().status());
        assertEquals(1, failuresOf(A));
        assertEquals(1, failuresOf(B));
    }

    @Test
    void aSpentBudgetCallsNoInstance() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> upstream().open(request("GET"), Duration.ZERO));

        assertEquals(504, e.problem().status());
        assertEquals(List.of(), client.calls);
    }

    @Test
    void aTimeoutOnlyDueToAShortBudgetIsNoFailureOfTheInstance() {
        client.script(A, Kind.TIMEOUT).script(B, Kind.TIMEOUT);

        assertThrows(ProblemException.class, () -> upstream().open(request("GET"), Duration.ofSeconds(5)));

        assertTrue(client.calls.get(0).timeout().compareTo(Duration.ofSeconds(5)) <= 0, "cut to the budget");
        assertEquals(0, failuresOf(A), "the caller's impatience is not the instance's failure");
    }

    @Test
    void aTimeoutWithinTheProxyTimeoutCounts() {
        client.script(A, Kind.TIMEOUT).script(B, 200);

        assertEquals(200, upstream().open(request("GET"), Duration.ofMinutes(1)).status());

        assertEquals(Duration.ofSeconds(10), client.calls.get(0).timeout());
        assertEquals(1, failuresOf(A));
    }

    @Test
    void fetchReadsTheAnswerWhole() {
        client.script(A, 200);

        BufferedReply reply = upstream().fetch(request("GET"), null);

        assertEquals(200, reply.status());
        assertEquals("from 10.0.0.1", new String(reply.bytes(), StandardCharsets.UTF_8));
    }
}
