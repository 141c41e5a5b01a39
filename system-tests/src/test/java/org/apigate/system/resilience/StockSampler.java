package org.apigate.system.resilience;

import jakarta.json.JsonObject;
import org.apigate.testing.Http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads one item's stock from inventory over and over while a load runs, and keeps the lowest {@code available}
 * and {@code reserved} it saw: stock must never be seen below zero, not only at the end. Reads that fail (inventory
 * down on purpose) are counted, not fatal.
 */
final class StockSampler implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(20);

    private final String itemUrl;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile long minAvailable = Long.MAX_VALUE;
    private volatile long minReserved = Long.MAX_VALUE;
    private volatile int samples;
    private volatile int failedReads;

    private StockSampler(String itemUrl) {
        this.itemUrl = itemUrl;
        this.thread = new Thread(this::sample, "stock-sampler");
        thread.setDaemon(true);
    }

    static StockSampler watch(Shop shop, String sku) {
        StockSampler sampler = new StockSampler(shop.items() + "/" + sku);
        sampler.thread.start();
        return sampler;
    }

    private void sample() {
        while (running.get()) {
            try {
                Http.Reply reply = Shop.ADMIN.get(itemUrl);
                if (reply.status() == 200) {
                    JsonObject item = reply.json();
                    minAvailable = Math.min(minAvailable, item.getJsonNumber("available").longValue());
                    minReserved = Math.min(minReserved, item.getJsonNumber("reserved").longValue());
                    samples++;
                } else {
                    failedReads++;
                }
            } catch (RuntimeException down) {
                failedReads++;
            }
            LockSupport.parkNanos(EVERY.toNanos());
        }
    }

    long minAvailable() {
        return minAvailable;
    }

    long minReserved() {
        return minReserved;
    }

    int samples() {
        return samples;
    }

    int failedReads() {
        return failedReads;
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(Duration.ofSeconds(35).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return samples + " samples, min available " + minAvailable + ", min reserved " + minReserved + ", "
                + failedReads + " failed reads";
    }
}
