package org.apigate.system.resilience;

import org.apigate.testing.Http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * A bounded GET load for a fault test: {@code connections} workers, each sending one request after another (at most
 * {@value #MAX_PER_WORKER} each) until stopped or {@link #MAX}, keeping every result with the moment it was sent and
 * answered, so a test can tell which requests were under way when it broke something.
 */
final class GetLoad implements AutoCloseable {

    static final int MAX_PER_WORKER = 20_000;
    static final Duration MAX = Duration.ofSeconds(60);

    /** One request: the status (-1 when none came back), or the failure, and when it was sent and answered. */
    record Result(int status, String failure, Instant sent, Instant answered) {

        boolean ok() {
            return status == 200;
        }

        boolean inFlightAt(Instant moment) {
            return sent.isBefore(moment) && answered.isAfter(moment);
        }

        @Override
        public String toString() {
            return (status > 0 ? String.valueOf(status) : failure) + " sent " + sent + ", "
                    + Duration.between(sent, answered).toMillis() + " ms";
        }
    }

    private final int connections;
    private final ExecutorService workers;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Result> results = new CopyOnWriteArrayList<>();
    private final Instant deadline = Instant.now().plus(MAX);

    private GetLoad(int connections) {
        this.connections = connections;
        this.workers = Executors.newFixedThreadPool(connections);
    }

    /** Starts the workers; each request is {@code request.apply(n)}, n counting that worker's requests. */
    static GetLoad start(int connections, IntFunction<Http.Reply> request) {
        GetLoad load = new GetLoad(connections);
        for (int i = 0; i < connections; i++) {
            load.workers.execute(() -> load.work(request));
        }
        return load;
    }

    private void work(IntFunction<Http.Reply> request) {
        for (int n = 0; n < MAX_PER_WORKER && !stopped.get() && Instant.now().isBefore(deadline); n++) {
            Instant sent = Instant.now();
            try {
                Http.Reply reply = request.apply(n);
                results.add(new Result(reply.status(), reply.status() == 200 ? null : reply.body(), sent,
                        Instant.now()));
            } catch (RuntimeException e) {
                results.add(new Result(-1, e.toString(), sent, Instant.now()));
            }
        }
    }

    int connections() {
        return connections;
    }

    /** The results so far (all of them once stopped). */
    List<Result> results() {
        return List.copyOf(results);
    }

    /** Stops the workers and waits for their last requests; every result. */
    List<Result> stop() {
        close();
        return results();
    }

    @Override
    public void close() {
        stopped.set(true);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
