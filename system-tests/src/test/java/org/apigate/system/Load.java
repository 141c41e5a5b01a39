package org.apigate.system;

import org.apigate.testing.Http;
import org.apigate.testing.Tokens;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A bounded background load for fault tests: a few workers each send one request after another (at most
 * {@value #MAX_PER_WORKER} each, for at most {@value #MAX_SECONDS} s) until stopped, and count what came back. Every
 * few requests a worker switches to a fresh admin subject, so the load never runs into its rate limit and any
 * answer but 200 is a failure.
 */
final class Load implements AutoCloseable {

    private static final int MAX_PER_WORKER = 2_000;
    private static final int MAX_SECONDS = 60;
    private static final int REQUESTS_PER_SUBJECT = 5;

    private final int workers;
    private final ExecutorService pool;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Instant deadline = Instant.now().plusSeconds(MAX_SECONDS);

    private Load(int workers) {
        this.workers = workers;
        this.pool = Executors.newFixedThreadPool(workers);
    }

    /** Starts {@code workers} workers, each calling {@code request} with an Authorization header value. */
    static Load start(int workers, Function<String, Http.Reply> request) {
        Load load = new Load(workers);
        for (int i = 0; i < workers; i++) {
            load.pool.execute(() -> load.work(request));
        }
        return load;
    }

    private void work(Function<String, Http.Reply> request) {
        String authorization = null;
        for (int n = 0; n < MAX_PER_WORKER && !stopped.get() && Instant.now().isBefore(deadline); n++) {
            if (n % REQUESTS_PER_SUBJECT == 0) {
                authorization = "Bearer " + Tokens.admin("load-" + UUID.randomUUID());
            }
            inFlight.incrementAndGet();
            try {
                Http.Reply reply = request.apply(authorization);
                if (reply.status() == 200) {
                    succeeded.incrementAndGet();
                } else {
                    failures.add(reply.status() + " " + reply.body());
                }
            } catch (RuntimeException e) {
                failures.add(e.toString());
            } finally {
                inFlight.decrementAndGet();
                completed.incrementAndGet();
            }
        }
    }

    int workers() {
        return workers;
    }

    int inFlight() {
        return inFlight.get();
    }

    long completed() {
        return completed.get();
    }

    long succeeded() {
        return succeeded.get();
    }

    /** Waits until {@code count} requests have been answered (or failed) in all; fails after 60 s. */
    void awaitCompleted(long count) {
        Instant until = Instant.now().plusSeconds(60);
        while (completed.get() < count) {
            if (Instant.now().isAfter(until) || pool.isTerminated()) {
                throw new AssertionError("Only " + completed.get() + " of " + count + " requests completed: "
                        + tally());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops the workers, waits for their last requests and returns the counts. */
    Tally stop() {
        close();
        return tally();
    }

    private Tally tally() {
        return new Tally(completed.get(), succeeded.get(), List.copyOf(failures));
    }

    @Override
    public void close() {
        stopped.set(true);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the load saw: requests completed, answered 200, and each failure (status and body, or exception). */
    record Tally(long completed, long succeeded, List<String> failures) {

        @Override
        public String toString() {
            return completed + " requests, " + succeeded + " × 200, " + failures.size() + " failed"
                    + (failures.isEmpty() ? "" : ": " + failures.subList(0, Math.min(5, failures.size())));
        }
    }
}
