package org.apigate.gateway.routing.control;

import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.routing.entity.RequestBody;
import org.apigate.gateway.routing.entity.UpstreamFailure;
import org.apigate.gateway.routing.entity.UpstreamRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client's body that breaks off while it streams to a service must reach the service as broken, never as a
 * complete (shorter) body: a service would otherwise store a truncated upload as if it were whole.
 */
class UpstreamClientBodyTest {

    private static final int SENT_BEFORE_FAILING = 200 * 1024;

    private final UpstreamClient client = new UpstreamClient(new ProxySettings(TestConfig.of()));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aChunkedBodyThatBreaksOffIsCutNotEnded() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> readAll(server));
            URI instance = URI.create("http://127.0.0.1:" + server.getLocalPort());
            UpstreamRequest request = new UpstreamRequest("POST", "svc", "/upload",
                    Map.of("Content-Type", List.of("application/octet-stream")),
                    RequestBody.streamed(new BreakingStream(), -1), Duration.ofSeconds(5));

            UpstreamFailure failure = assertThrows(UpstreamFailure.class,
                    () -> client.send(instance, request, Duration.ofSeconds(5), false));

            assertEquals(UpstreamFailure.Kind.CLIENT_BODY, failure.kind());
            String wire = received.get(10, TimeUnit.SECONDS);
            assertTrue(wire.startsWith("POST /upload HTTP/1.1\r\n"), wire.lines().findFirst().orElse(""));
            assertTrue(wire.contains("Transfer-Encoding: chunked"), "sent chunked");
            assertFalse(wire.endsWith("\r\n0\r\n\r\n"), "no last chunk after the body broke off");
        }
    }

    /** Everything the service received until the connection ended. */
    private static String readAll(ServerSocket server) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            socket.getInputStream().transferTo(wire);
        } catch (IOException e) {
            // a reset ends it as well as a close
        }
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    /** A client's upload that fails after some bytes, as one passing its limit or a client going away does. */
    private static final class BreakingStream extends InputStream {

        private int read;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= SENT_BEFORE_FAILING) {
                throw new IOException("The request body exceeds " + SENT_BEFORE_FAILING + " bytes");
            }
            int n = Math.min(len, SENT_BEFORE_FAILING - read);
            Arrays.fill(b, off, off + n, (byte) 'x');
            read += n;
            return n;
        }
    }
}
