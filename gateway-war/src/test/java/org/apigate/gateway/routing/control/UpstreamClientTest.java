package org.apigate.gateway.routing.control;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apigate.gateway.routing.entity.UpstreamFailure.Kind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
