package org.apigate.gateway.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in service on 127.0.0.1 in the test JVM for streamed bodies, keyed by the request's {@code X-Request-Id}:
 * <ul>
 * <li>{@code POST .../upload} counts and digests (SHA-256) the body as it arrives, never holding it, and answers
 * {@code {"bytes":n,"sha256":"..."}}; what it got is kept, also of a body that broke off ({@link #upload});</li>
 * <li>{@code GET .../download?bytes=N&seed=S} sends N {@link GeneratedBytes} with their Content-Length;</li>
 * <li>{@code GET .../events?count=C&interval-ms=I} sends a {@code text/event-stream} of C events, I ms apart, keeping
 * the time each was sent ({@link #eventsSent});</li>
 * <li>{@code GET .../stall} sends a {@code text/event-stream} with one event, then nothing until the backend
 * closes.</li>
 * </ul>
 */
public final class StreamingBackend implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> eventsSent = new ConcurrentHashMap<>();

    /**
     * What arrived of one upload: its bytes so far; whether it ended (complete, or broken off); the digest of a
     * complete one, else null.
     */
    public record Upload(long bytes, boolean ended, String sha256) {

        public boolean complete() {
            return sha256 != null;
        }
    }

    private StreamingBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StreamingBackend start() {
        return new StreamingBackend();
    }

    /** The base URL of this backend as an instance with the given context root, e.g. {@code /files}. */
    public String url(String contextRoot) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + contextRoot;
    }

    /** What arrived of the upload with this request id so far; null when none began. */
    public Upload upload(String requestId) {
        return uploads.get(requestId);
    }

    /** When ({@link System#nanoTime()}) each event of the stream with this request id was sent. */
    public List<Long> eventsSent(String requestId) {
        return List.copyOf(eventsSent.getOrDefault(requestId, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String id = String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id"));
            Map<String, Long> query = query(exchange.getRequestURI().getRawQuery());
            if (path.endsWith("/upload")) {
                receive(exchange, id);
            } else if (path.endsWith("/download")) {
                send(exchange, query.getOrDefault("bytes", 0L), query.getOrDefault("seed", 1L));
            } else if (path.endsWith("/events")) {
                events(exchange, id, query.getOrDefault("count", 1L), query.getOrDefault("interval-ms", 500L));
            } else if (path.endsWith("/stall")) {
                events(exchange, id, 1, 0);
                closing.await(60, TimeUnit.SECONDS);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receive(HttpExchange exchange, String id) throws IOException {
        MessageDigest digest = GeneratedBytes.sha256();
        long bytes = 0;
        try (InputStream in = new DigestInputStream(exchange.getRequestBody(), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                bytes += n;
                uploads.put(id, new Upload(bytes, false, null));
            }
        } catch (IOException e) {
            uploads.put(id, new Upload(bytes, true, null));
            throw e;
        }
        Upload upload = new Upload(bytes, true, HexFormat.of().formatHex(digest.digest()));
        uploads.put(id, upload);
        byte[] answer = Json.createObjectBuilder().add("bytes", upload.bytes()).add("sha256", upload.sha256())
                .build().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
    }

    private static void send(HttpExchange exchange, long bytes, long seed) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, bytes);
        try (InputStream in = new GeneratedBytes(bytes, seed); OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }

    private void events(HttpExchange exchange, String id, long count, long intervalMillis)
            throws IOException, InterruptedException {
        List<Long> sent = eventsSent.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>());
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // chunked: the length of a stream is not known
        OutputStream out = exchange.getResponseBody();
        for (int i = 1; i <= count; i++) {
            if (i > 1 && closing.await(intervalMillis, TimeUnit.MILLISECONDS)) {
                return; // the backend closes
            }
            out.write(("id: " + i + "\ndata: event " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            sent.add(System.nanoTime());
        }
    }

    private static Map<String, Long> query(String query) {
        Map<String, Long> values = new ConcurrentHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                }
            }
        }
        return values;
    }

    /** Ends held streams and stops listening. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
