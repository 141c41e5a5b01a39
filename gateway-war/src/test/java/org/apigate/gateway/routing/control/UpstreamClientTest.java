package org.apigate.gateway.routing.control;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.routing.entity.RequestBody;
import org.apigate.gateway.routing.entity.UpstreamFailure;
import org.apigate.gateway.routing.entity.UpstreamFailure.Kind;
import org.apigate.gateway.routing.entity.UpstreamRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the HTTP client's exceptions are classified: what the gateway may retry and what health counts. */
class UpstreamClientTest {

    @Test
    void aBusyPoolIsTheGatewaysOverloadNotTheInstances() {
        assertEquals(Kind.POOL_EXHAUSTED, UpstreamClient.kindOf(new ConnectionRequestTimeoutException("pool"), false));
    }

    @Test
    void nothingSentWhenConnectingFailed() {
        assertEquals(Kind.CONNECT_TIMEOUT, UpstreamClient.kindOf(new ConnectTimeoutException("slow"), false));
        assertEquals(Kind.REFUSED, UpstreamClient.kindOf(new HttpHostConnectException("refused"), false));
        assertEquals(Kind.REFUSED, UpstreamClient.kindOf(new ConnectException("refused"), false));
        assertEquals(Kind.REFUSED, UpstreamClient.kindOf(new UnknownHostException("no-such-host"), false));
    }

    @Test
    void noAnswerInTimeIsATimeoutEvenOnAReusedConnection() {
        assertEquals(Kind.TIMEOUT, UpstreamClient.kindOf(new SocketTimeoutException("read timed out"), false));
        assertEquals(Kind.TIMEOUT, UpstreamClient.kindOf(new SocketTimeoutException("read timed out"), true));
    }

    @Test
    void aConnectionThatBrokeIsStaleWhenItCameFromThePoolElseBroken() {
        for (IOException broken : new IOException[]{new NoHttpResponseException("no answer"),
                new SocketException("Connection reset"), new IOException("Broken pipe")}) {
            assertEquals(Kind.STALE_CONNECTION, UpstreamClient.kindOf(broken, true), broken.toString());
            assertEquals(Kind.BROKEN, UpstreamClient.kindOf(broken, false), broken.toString());
        }
    }

    /**
     * What a killed instance leaves in the pool, with the real client: the kept-alive connection it had is handed out
     * again (it was idle for less than the pool's stale check) and fails without an answer - stale, never counted;
     * a fresh connection is refused, which lets any method go to the next instance.
     */
    @Test
    void aPooledConnectionToAnInstanceThatDiedIsStaleAndAFreshOneIsRefused() throws Exception {
        UpstreamClient client = new UpstreamClient(new ProxySettings(TestConfig.of()));
        try (DyingServer server = new DyingServer()) {
            try (UpstreamResponse first = client.send(server.instance(), post(), Duration.ofSeconds(5), false)) {
                assertEquals("ok", new String(first.body().readAllBytes(), StandardCharsets.US_ASCII));
            }
            server.dies();

            assertEquals(Kind.STALE_CONNECTION, assertThrows(UpstreamFailure.class,
                    () -> client.send(server.instance(), post(), Duration.ofSeconds(5), false)).kind());
            assertEquals(Kind.REFUSED, assertThrows(UpstreamFailure.class,
                    () -> client.send(server.instance(), post(), Duration.ofSeconds(5), true)).kind());
        } finally {
            client.close();
        }
    }

    private static UpstreamRequest post() {
        return new UpstreamRequest("POST", "svc", "/api/orders", Map.of("Idempotency-Key", List.of("k")),
                RequestBody.of("{}".getBytes(StandardCharsets.US_ASCII)), Duration.ofSeconds(5));
    }
}
