package org.apigate.system.hostile;

import com.sun.net.httpserver.HttpServer;
import org.apigate.testing.TestKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attacker's key server: a JDK HTTP server on loopback that serves the attacker's public key as a JWKS to anyone
 * who asks, and counts who asked. A token whose {@code jku}/{@code x5u} header points here must be refused without
 * the gateway ever fetching it.
 */
final class AttackerServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    AttackerServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = ("{\"keys\":[" + TestKeys.ATTACKER.toPublicJWK().toJSONString() + "]}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    /** A URL of this server, e.g. {@code http://127.0.0.1:40123/keys/jwks.json}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
