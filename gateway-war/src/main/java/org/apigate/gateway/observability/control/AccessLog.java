package org.apigate.gateway.observability.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.ExchangeListener;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access log: one line per request ({@link AccessLine}) on its own JUL logger, so that operators can send it to a
 * file of its own (or turn it off) in the server's logging configuration. The line is formatted on the request's
 * thread and written by one background thread: the request never waits for the log's handlers and their I/O. When
 * the writer falls behind by {@value #BACKLOG} lines, further lines are dropped and counted rather than slowing
 * requests down; the count is logged.
 */
@ApplicationScoped
public class AccessLog implements ExchangeListener {

    public static final String LOGGER = "org.apigate.gateway.access";
    static final int BACKLOG = 10_000;
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final Logger SELF = Logger.getLogger(AccessLog.class.getName());

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(BACKLOG);
    private final AtomicLong dropped = new AtomicLong();
    private Thread writer;

    @PostConstruct
    void start() {
        writer = new Thread(this::write, "gateway-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @PreDestroy
    void stop() {
        writer.interrupt();
    }

    @Override
    public void completed(Exchange exchange) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        String path = exchange.request().getRequestURI();
        String traceId = exchange.trace() == null ? null : exchange.trace().traceId();
        String line = AccessLine.format(exchange.requestId(), traceId, exchange.caller().subject(),
                RouteLabel.of(exchange), exchange.method(), path, exchange.status(), exchange.upstreamNanos(),
                System.nanoTime() - exchange.startNanos());
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void write() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                LOG.info(lines.take());
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    SELF.warning(() -> "The access log fell behind: " + lost + " lines were dropped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
