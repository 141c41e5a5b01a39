import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The three services an overview calls, each answering after a fixed delay, for bench/run.sh's composition
 * measurement (nginx cannot delay). Only the JDK; run as a single-file program:
 * {@code java bench/DelayedBackend.java <port> <delay-ms>}, loopback only.
 * <ul>
 *   <li>{@code GET /user/api/users/{id}}: the user</li>
 *   <li>{@code GET /order/api/orders?userId=X}: one order with two lines (SKU-1, SKU-2)</li>
 *   <li>{@code GET /inventory/api/items?sku=...}: the stock of both SKUs</li>
 *   <li>{@code GET /ready}: 200 without delay, for the start-up wait</li>
 * </ul>
 * A blocking sleep per request on a large pool: the benchmark's concurrency is small and bounded.
 */
public class DelayedBackend {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delayMillis = Long.parseLong(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(128));
        server.createContext("/ready", exchange -> answer(exchange, 0, 200, "{}"));
        server.createContext("/user/api/users/", exchange -> {
            String id = exchange.getRequestURI().getRawPath().substring("/user/api/users/".length());
            answer(exchange, delayMillis, 200,
                    "{\"id\":\"" + id + "\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"}");
        });
        server.createContext("/order/api/orders", exchange -> answer(exchange, delayMillis, 200,
                "[{\"id\":1,\"userId\":\"1\",\"status\":\"PLACED\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1},"
                        + "{\"sku\":\"SKU-2\",\"quantity\":2}]}]"));
        server.createContext("/inventory/api/items", exchange -> answer(exchange, delayMillis, 200,
                "[{\"sku\":\"SKU-1\",\"available\":5},{\"sku\":\"SKU-2\",\"available\":7}]"));
        server.start();
        System.out.println("DelayedBackend on 127.0.0.1:" + port + ", delay " + delayMillis + " ms");
    }

    private static void answer(HttpExchange exchange, long delayMillis, int status, String json) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
