package org.apigate.order.orders.boundary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import org.apigate.testing.PayaraMicro;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
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
 * a test asserts on its own order only, with the trace context it came with. Like the real inventory it takes only the order service's credential - a
 * token of the service issuer for the audience {@code inventory}, signed with the service key - and answers 401
 * otherwise; such calls are kept in {@link #refusedCalls()}. Loopback only.
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
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Map<String, String> traceparents = new ConcurrentHashMap<>();
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

    /** The W3C {@code traceparent} the reservation's first call carried, or null when it carried none. */
    String traceparentOf(String reservationId) {
        return traceparents.get(reservationId);
    }

    /** The calls refused for their credential, with the reason: none when the order service sends its own. */
    List<String> refusedCalls() {
        return List.copyOf(refused);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String refusal = refusal(exchange.getRequestHeaders().get("Authorization"));
            if (refusal != null) {
                refused.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + refusal);
                respond(exchange, 401, "");
                return;
            }
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
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        if (traceparent != null) {
            traceparents.putIfAbsent(id, traceparent);
        }
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

    /** Why the call's credential is not the order service's for inventory, or null when it is. */
    static String refusal(List<String> authorization) {
        if (authorization == null || authorization.size() != 1 || !authorization.get(0).startsWith("Bearer ")) {
            return "no single bearer token: " + authorization;
        }
        try {
            SignedJWT token = SignedJWT.parse(authorization.get(0).substring("Bearer ".length()));
            if (!token.verify(new RSASSAVerifier(TestKeys.SERVICE.toRSAPublicKey()))) {
                return "not signed with the service credential's key";
            }
            JWTClaimsSet claims = token.getJWTClaimsSet();
            boolean valid = Tokens.SERVICE_ISSUER.equals(claims.getIssuer())
                    && Tokens.SERVICE_SUBJECT.equals(claims.getSubject())
                    && List.of("inventory").equals(claims.getAudience())
                    && List.of("service").equals(claims.getStringListClaim("groups"))
                    && claims.getExpirationTime().toInstant().isAfter(Instant.now());
            return valid ? null : "not a valid service token for inventory: " + claims;
        } catch (ParseException | JOSEException e) {
            return "not a JWT: " + e;
        }
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
