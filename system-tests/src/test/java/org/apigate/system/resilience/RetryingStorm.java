package org.apigate.system.resilience;

import org.apigate.system.resilience.OrderStorm.Answer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Many clients, released together, each placing one order for one unit with its own Idempotency-Key through the
 * gateway - and, as a careful client does, sending the same request with the same key again after an answer that
 * says "not now": a 502 or 503, a 409 {@code idempotency-key-in-use} (an earlier attempt with this key is still
 * PENDING), or no answer at all. Each client stops at any other answer or after {@link #PER_CLIENT}.
 */
final class RetryingStorm implements AutoCloseable {

    static final Duration PER_CLIENT = Duration.ofMinutes(4);
    /** Between two attempts of a client: a thousand stuck clients stay far below the shop's rate limit. */
    static final Duration PAUSE = Duration.ofSeconds(1);

    /** One client's key and every attempt it made with it, in order. */
    record Client(Buyer buyer, String key, List<Answer> attempts) {

        Answer last() {
            return attempts.get(attempts.size() - 1);
        }

        int retries() {
            return attempts.size() - 1;
        }
    }

    private final ExecutorService clients;
    private final List<Future<Client>> pending = new ArrayList<>();
    private final AtomicInteger firstAnswers = new AtomicInteger();
    private final Instant started = Instant.now();

    private RetryingStorm(int requests) {
        clients = Executors.newFixedThreadPool(requests);
    }

    static RetryingStorm start(Shop shop, List<Buyer> buyers, String sku, int requests) {
        RetryingStorm storm = new RetryingStorm(requests);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < requests; i++) {
            Buyer buyer = buyers.get(i % buyers.size());
            storm.pending.add(storm.clients.submit(() -> {
                go.await();
                return storm.persist(shop.gateway("/orders"), buyer, sku);
            }));
        }
        go.countDown();
        return storm;
    }

    /** Whether a careful client sends the request again with the same key. */
    static boolean retryable(Answer answer) {
        String type = answer.problemType() == null ? "" : answer.problemType();
        return answer.status() == -1 || answer.status() == 502 || answer.status() == 503
                || (answer.status() == 409 && type.endsWith("/idempotency-key-in-use"));
    }

    private Client persist(String url, Buyer buyer, String sku) {
        String key = "retry-" + UUID.randomUUID();
        Instant deadline = Instant.now().plus(PER_CLIENT);
        List<Answer> attempts = new ArrayList<>();
        Answer answer = OrderStorm.place(url, buyer, sku, key);
        attempts.add(answer);
        firstAnswers.incrementAndGet();
        while (retryable(answer) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(PAUSE.toNanos());
            answer = OrderStorm.place(url, buyer, sku, key);
            attempts.add(answer);
        }
        return new Client(buyer, key, List.copyOf(attempts));
    }

    /** How many clients have their first answer so far. */
    int firstAnswers() {
        return firstAnswers.get();
    }

    /** Every client's attempts, in the order the clients started; waits at most their deadline plus a margin. */
    List<Client> clients() {
        return OrderStorm.finished(pending, started.plus(PER_CLIENT).plus(OrderStorm.PER_REQUEST).plusSeconds(30));
    }

    Duration elapsed() {
        return Duration.between(started, Instant.now());
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
