package org.apigate.order.orders.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finishes what a saga could not: every {@code order.compensation.interval-ms} (default 15 s) it fails the orders
 * left PENDING longer than {@code order.compensation.stale-after-ms} (default 60 s, far beyond the longest saga, so
 * only one whose process died) and retries the releases still pending. A programmatic interval timer rather than
 * {@code @Schedule}, because a schedule's period cannot come from MicroProfile Config. Not persistent: each instance
 * starts its own at deployment, and several instances retrying one release is harmless (releasing is idempotent).
 * Outside any transaction, so none is held while inventory is called; the singleton's lock keeps ticks from
 * overlapping.
 */
@Singleton
@Startup
@DependsOn("OrderDatabase")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CompensationTimer {

    private static final Logger LOG = Logger.getLogger(CompensationTimer.class.getName());
    private static final int BATCH = 100;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "order.compensation.interval-ms")
    long intervalMs;

    @Inject
    @ConfigProperty(name = "order.compensation.stale-after-ms")
    long staleAfterMs;

    @Inject
    OrderBook book;

    @Inject
    Compensation compensation;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(intervalMs, intervalMs, new TimerConfig("order compensation", false));
    }

    @Timeout
    void compensate() {
        try {
            book.pendingSince(Instant.now().minusMillis(staleAfterMs), BATCH).forEach(id -> each(id,
                    compensation::abandonInterrupted));
            book.releasesPending(BATCH).forEach(id -> each(id, compensation::retryRelease));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Compensation round failed; the next one retries", e);
        }
    }

    /**
     * One order's step; its failure (e.g. another order instance compensating the same order at the same time)
     * must not end the round, or instances that meet on the first order of the list would never reach the rest.
     */
    private static void each(String orderId, java.util.function.Consumer<String> step) {
        try {
            step.accept(orderId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Compensation of order " + orderId + " failed; the next round retries");
        }
    }
}
