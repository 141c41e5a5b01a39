package org.apigate.gateway.routing.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server on loopback that answers one request and keeps the connection open, as a service does, until it
 * {@link #dies()}: its sockets close the way the kernel closes a killed process's, and its port refuses.
 */
final class DyingServer implements AutoCloseable {

    private final ServerSocket listener;
    private final CompletableFuture<Socket> connection;

    DyingServer() throws IOException {
        listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        connection = CompletableFuture.supplyAsync(this::answerOnce);
    }

    URI instance() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/svc");
    }

    void dies() throws Exception {
        connection.get(10, TimeUnit.SECONDS).close();
        listener.close();
    }

    private Socket answerOnce() {
        try {
            Socket socket = listener.accept();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int length = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(0);
            in.readNBytes(length);
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The request ended early");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connection.cancel(true);
    }
}
