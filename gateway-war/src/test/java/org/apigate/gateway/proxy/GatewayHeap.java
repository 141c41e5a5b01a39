package org.apigate.gateway.proxy;

import org.apigate.testing.Http;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of the gateway under test as its {@code /metrics} base scope shows it ({@code memory.usedHeap},
 * {@code memory.maxHeap}): sampled while a transfer runs, keeping the most seen in use.
 */
final class GatewayHeap implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 200;

    private final String gateway;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peak = new AtomicLong();

    private GatewayHeap(String gateway) {
        this.gateway = gateway;
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            peak.accumulateAndGet(used(gateway), Math::max);
        } catch (RuntimeException | AssertionError e) {
            // a scrape that fails (the server busy) is a sample missed, not the end of sampling
        }
    }

    /** Samples the used heap of {@code gateway} until closed. */
    static GatewayHeap watch(String gateway) {
        return new GatewayHeap(gateway);
    }

    /** The most heap seen in use so far, in bytes (samples {@value #SAMPLE_MILLIS} ms apart). */
    long peakUsed() {
        return Math.max(peak.get(), used(gateway));
    }

    static long used(String gateway) {
        return metric(gateway, "memory_usedHeap_bytes");
    }

    /** The heap the gateway's JVM may use at most (its -Xmx). */
    static long max(String gateway) {
        return metric(gateway, "memory_maxHeap_bytes");
    }

    private static long metric(String gateway, String name) {
        Http.Reply metrics = Http.get(gateway + "/metrics");
        Pattern sample = Pattern.compile("^(?:base_)?" + name + "(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(metrics.body());
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in the gateway's metrics: " + metrics);
        }
        return (long) Double.parseDouble(matcher.group(1));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
