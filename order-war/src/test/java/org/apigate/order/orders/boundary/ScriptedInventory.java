package org.apigate.order.orders.boundary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import org.apigate.testing.PayaraMicro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for inventory-war's reservations API that fails on command, to drive the saga's failure paths: it
 * can be down (its port closed), answer a reservation with a server error or too late, and refuse releases. When
 * told to, it answers as inventory's contract says (201, 204). Every call is recorded under its reservation id, so
 * a test asserts on its own order only. Loopback only.
 */
final class ScriptedInventory implements AutoCloseable {

    /** How a reservation is answered. */
    enum Reserve { CREATED, SERVER_ERROR, TOO_LATE }

    /** Far longer than the order service's timeouts: a caller that waited for this answer would show it. */
    static final long LATE_SECONDS = 30;

    private final int port = PayaraMicro.freePort();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, List<String>> calls = new ConcurrentHashMap<>();
    private volatile Reserve reserve = Reserve.CREATED;
    private volatile int releaseStatus = 204;
    private HttpServer server;

    /** The base URL, as {@code order.inventory.url} takes it. */
    String url() {
        return "http://127.0.0.1:" + port + "/inventory";
    }

    synchronized ScriptedInventory up() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/inventory/api/reservations", this::handle);
            server.setExecutor(workers);
            server.start();
        }
        return this;
    }

    /** Closes the port: connections are refused, as when inventory is not running. */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    void reserveAnswers(Reserve answer) {
        this.reserve = answer;
    }

    void releaseAnswers(int status) {
        this.releaseStatus = status;
    }

    /** The calls for one reservation id, in order, e.g. {@code ["POST SERVER_ERROR", "DELETE 503", "DELETE 204"]}. */
    List<String> callsFor(String reservationId) {
        return List.copyOf(calls.getOrDefault(reservationId, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> reserve(exchange);
                case "DELETE" -> release(exchange);
                default -> respond(exchange, 405, "");
            }
        }
    }

    private void reserve(HttpExchange exchange) throws IOException {
        String id;
        try (var reader = Json.createReader(exchange.getRequestBody())) {
            id = reader.readObject().getString("id");
        }
        Reserve answer = reserve;
        record(id, "POST " + answer);
        switch (answer) {
            case CREATED -> respond(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"RESERVED\"}");
            case SERVER_ERROR -> respond(exchange, 500, "");
            case TOO_LATE -> {
                awaitClosingAtMost(LATE_SECONDS);
                respond(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"RESERVED\"}");
            }
        }
    }

    private void release(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        int status = releaseStatus;
        record(id, "DELETE " + status);
        respond(exchange, status, "");
    }

    private void record(String id, String call) {
        calls.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(call);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** A late answer, cut short when the test class is done so nothing outlives it. */
    private void awaitClosingAtMost(long seconds) {
        try {
            closing.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        down();
        workers.shutdownNow();
    }
}
