package org.apigate.gateway.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stand-in service instance on 127.0.0.1 in the test JVM, for what a real service cannot be made to do on demand:
 * it answers every request with an echo of it (backend name, method, path, query, headers, body) unless the request
 * asks, with the header {@code X-Test-Behaviour}, to be answered {@code slow}ly (held until the backend closes, at
 * most 10 s), to send its headers and half its body and then stall ({@code stall-body}, held likewise), to have its
 * connection {@code close}d without an answer, with {@code unavailable} (503), {@code created} (201 with a
 * {@code Location} below the path it received, as a service gives it), or with {@code status=N} and a problem body. {@link #down(boolean)} makes it close every connection. It records what it
 * received.
 */
public final class TestBackend implements AutoCloseable {

    public static final String BEHAVIOUR = "X-Test-Behaviour";

    private final String name;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Function<Received, Optional<Answer>> canned;
    private volatile boolean down;

    private TestBackend(String name, Function<Received, Optional<Answer>> canned) {
        this.name = name;
        this.canned = canned;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestBackend start(String name) {
        return new TestBackend(name, r -> Optional.empty());
    }

    /** A backend that answers some requests from {@code canned} (when it gives an answer) instead of echoing them. */
    public static TestBackend start(String name, Function<Received, Optional<Answer>> canned) {
        return new TestBackend(name, canned);
    }

    public String name() {
        return name;
    }

    /** The base URL of this backend as an instance with the given context root, e.g. {@code /user}. */
    public String url(String contextRoot) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + contextRoot;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public long count(Predicate<Received> which) {
        return received.stream().filter(which).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = Received.of(exchange);
            received.add(request);
            String behaviour = request.header(BEHAVIOUR).orElse("echo");
            if (down || behaviour.equals("close")) {
                return; // closing the exchange before any answer drops the connection
            }
            if (behaviour.equals("slow")) {
                closing.await(10, TimeUnit.SECONDS);
            }
            Answer answer = canned.apply(request).orElseGet(() -> answerFor(behaviour, request));
            answer.headers().forEach((header, value) -> exchange.getResponseHeaders().add(header, value));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    if (behaviour.equals("stall-body")) {
                        out.write(body, 0, body.length / 2);
                        out.flush();
                        closing.await(10, TimeUnit.SECONDS);
                        out.write(body, body.length / 2, body.length - body.length / 2);
                    } else {
                        out.write(body);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer answerFor(String behaviour, Received request) {
        String id = request.header("X-Request-Id").orElse(null);
        if (behaviour.equals("unavailable")) {
            return Answer.problem(503, "unavailable at " + name, id);
        }
        if (behaviour.equals("created")) {
            return new Answer(201, Map.of("Location", "http://127.0.0.1:" + server.getAddress().getPort()
                    + request.path() + "/new-1"), "");
        }
        if (behaviour.startsWith("status=")) {
            return Answer.problem(Integer.parseInt(behaviour.substring(7)), "answered by " + name, id);
        }
        return echo(request);
    }

    private Answer echo(Received request) {
        JsonObjectBuilder headers = Json.createObjectBuilder();
        request.headers().forEach((header, values) -> {
            JsonArrayBuilder array = Json.createArrayBuilder();
            values.forEach(array::add);
            headers.add(header.toLowerCase(java.util.Locale.ROOT), array);
        });
        JsonObjectBuilder echo = Json.createObjectBuilder()
                .add("backend", name)
                .add("method", request.method())
                .add("path", request.path())
                .add("headers", headers)
                .add("body", request.body());
        if (request.query() != null) {
            echo.add("query", request.query());
        }
        return new Answer(200, Map.of("Content-Type", "application/json",
                // headers a service may send that must not cross the gateway, and one that must
                "Keep-Alive", "timeout=5", "Proxy-Authenticate", "Basic realm=\"x\"", "Connection", "X-Hop-Reply",
                "X-Hop-Reply", "secret", "X-End-To-End", "kept"), echo.build().toString());
    }

    /** A loopback port nothing listens on (it was free a moment ago): connecting to it is refused. */
    public static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases held requests and stops listening. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    /** A request as the backend received it; headers in a case-insensitive map. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        static Received of(HttpExchange exchange) throws IOException {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            return new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public boolean hasRequestId(String id) {
            return header("X-Request-Id").filter(id::equals).isPresent();
        }
    }

    /** What a backend answers. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"), json);
        }

        /** A problem as our services answer it, with the request id they were given. */
        public static Answer problem(int status, String detail, String requestId) {
            JsonObjectBuilder problem = Json.createObjectBuilder().add("type", "https://apigate.org/problems/test")
                    .add("title", "Test").add("status", status).add("detail", detail);
            if (requestId != null) {
                problem.add("requestId", requestId);
            }
            return new Answer(status, Map.of("Content-Type", "application/problem+json", "X-Upstream", "yes"),
                    problem.build().toString());
        }
    }
}
