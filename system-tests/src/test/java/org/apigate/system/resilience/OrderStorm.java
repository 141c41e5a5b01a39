package org.apigate.system.resilience;

import jakarta.json.JsonObject;
import org.apigate.testing.Http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many clients placing an order for one unit of one SKU at the same moment, through the gateway: one thread per
 * request, all released together, each request with its own Idempotency-Key and a bounded timeout. Runs in the
 * background so a test can break something while it is under way; {@link #answers()} waits for the last one.
 */
final class OrderStorm implements AutoCloseable {

    static final Duration PER_REQUEST = Duration.ofSeconds(60);

    /** What one client sent and what it got back; status -1 when no answer came at all (timeout, reset). */
    record Answer(Buyer buyer, String key, int status, String orderId, String problemType, String failure,
                  Instant sent, Duration took) {

        boolean answered() {
            return status > 0;
        }

        /** Whether the request was under way at {@code moment}: sent before it, answered after it. */
        boolean inFlightAt(Instant moment) {
            return sent.isBefore(moment) && sent.plus(took).isAfter(moment);
        }

        @Override
        public String toString() {
            return status + " " + (orderId != null ? orderId : "") + " " + (problemType != null ? problemType : "")
                    + (failure != null ? " " + failure : "") + " in " + took.toMillis() + " ms";
        }
    }

    private final ExecutorService clients;
    private final List<Future<Answer>> pending = new ArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final Instant started = Instant.now();
    private final AtomicReference<Instant> lastAnswered = new AtomicReference<>(started);

    private OrderStorm(int requests) {
        clients = Executors.newFixedThreadPool(requests);
    }

    /** Starts {@code requests} placements spread over the buyers in turn, each for one unit of {@code sku}. */
    static OrderStorm start(Shop shop, List<Buyer> buyers, String sku, int requests) {
        OrderStorm storm = new OrderStorm(requests);
        CountDownLatch ready = new CountDownLatch(requests);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < requests; i++) {
            Buyer buyer = buyers.get(i % buyers.size());
            storm.pending.add(storm.clients.submit(() -> {
                ready.countDown();
                go.await();
                return storm.placeCounted(shop.gateway("/orders"), buyer, sku);
            }));
        }
        try {
            ready.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        go.countDown();
        return storm;
    }

    private Answer placeCounted(String url, Buyer buyer, String sku) {
        try {
            return place(url, buyer, sku, "storm-" + UUID.randomUUID());
        } finally {
            lastAnswered.accumulateAndGet(Instant.now(), (a, b) -> a.isAfter(b) ? a : b);
            answered.incrementAndGet();
        }
    }

    /** One order for one unit of {@code sku} under {@code key}, with a bounded timeout; never throws. */
    static Answer place(String url, Buyer buyer, String sku, String key) {
        Instant sent = Instant.now();
        try {
            Http.Reply reply = Http.send(Http.request(url, "Authorization", buyer.authorization(),
                            "Idempotency-Key", key, "Content-Type", "application/json")
                    .timeout(PER_REQUEST)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Buyer.order(buyer.userId(), sku, 1))));
            JsonObject body = reply.body().startsWith("{") ? reply.json() : JsonObject.EMPTY_JSON_OBJECT;
            String orderId = body.getString(reply.status() == 201 ? "id" : "orderId", null);
            String type = body.getString("type", null);
            return new Answer(buyer, key, reply.status(), orderId, type, null, sent,
                    Duration.between(sent, Instant.now()));
        } catch (RuntimeException e) {
            return new Answer(buyer, key, -1, null, null, e.toString(), sent, Duration.between(sent, Instant.now()));
        }
    }

    /** How many requests have their answer (or gave up) so far. */
    int answered() {
        return answered.get();
    }

    /** Every answer, in the order the requests were made; waits at most the per-request timeout plus a margin. */
    List<Answer> answers() {
        return finished(pending, started.plus(PER_REQUEST).plusSeconds(30));
    }

    /** What each client returned, in order, waiting until {@code deadline} at most; a client not done by then fails. */
    static <T> List<T> finished(List<Future<T>> clients, Instant deadline) {
        List<T> results = new ArrayList<>();
        for (Future<T> client : clients) {
            try {
                results.add(client.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                throw new AssertionError("A client never finished: " + e, e);
            }
        }
        return results;
    }

    /** From the start to the last answer so far (not to now: a test may read it after waiting for other things). */
    Duration elapsed() {
        return Duration.between(started, lastAnswered.get());
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
