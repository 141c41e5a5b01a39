package org.apigate.system.resilience;

import jakarta.json.JsonObject;
import org.apigate.testing.Http;
import org.apigate.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the gateway's {@code GET /admin/routes} (as an admin) over and over while a test runs, and keeps, for each
 * instance of one service, every passive-health status ({@code up}, {@code ejected}) and readiness probe result
 * ({@code ready}, {@code failing}, {@code none}) it showed, and when it was first seen ejected.
 */
final class RouteWatch implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(200);

    private final String routesUrl;
    private final String service;
    private final String authorization = "Bearer " + Tokens.admin("route-watch");
    private final Map<String, Set<String>> statuses = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> probes = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstEjected = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicInteger failedReads = new AtomicInteger();
    private final Thread thread;

    private RouteWatch(String gatewayUrl, String service) {
        this.routesUrl = gatewayUrl + "/admin/routes";
        this.service = service;
        this.thread = new Thread(this::watch, "route-watch");
        thread.setDaemon(true);
    }

    /** Starts watching the instances of {@code service} at the gateway at {@code gatewayUrl}. */
    static RouteWatch start(String gatewayUrl, String service) {
        RouteWatch watch = new RouteWatch(gatewayUrl, service);
        watch.thread.start();
        return watch;
    }

    private void watch() {
        while (running.get()) {
            try {
                Http.Reply reply = Http.get(routesUrl, "Authorization", authorization);
                if (reply.status() == 200) {
                    record(reply.json());
                } else {
                    failedReads.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failedReads.incrementAndGet();
            }
            LockSupport.parkNanos(EVERY.toNanos());
        }
    }

    private void record(JsonObject routes) {
        routes.getJsonArray("routes").getValuesAs(JsonObject.class).stream()
                .filter(route -> service.equals(route.getString("service"))).findFirst()
                .ifPresent(route -> route.getJsonArray("instances").getValuesAs(JsonObject.class).forEach(i -> {
                    String url = i.getString("url");
                    String status = i.getString("status");
                    statuses.computeIfAbsent(url, u -> ConcurrentHashMap.newKeySet()).add(status);
                    probes.computeIfAbsent(url, u -> ConcurrentHashMap.newKeySet()).add(i.getString("probe"));
                    if ("ejected".equals(status)) {
                        firstEjected.putIfAbsent(url, Instant.now());
                    }
                }));
        samples.incrementAndGet();
    }

    /** Every status {@code instanceUrl} showed, e.g. {@code [up]} or {@code [ejected, up]}. */
    Set<String> statusesOf(String instanceUrl) {
        return new TreeSet<>(statuses.getOrDefault(instanceUrl, Set.of()));
    }

    Set<String> probesOf(String instanceUrl) {
        return new TreeSet<>(probes.getOrDefault(instanceUrl, Set.of()));
    }

    /** When {@code instanceUrl} was first seen ejected, or null. */
    Instant firstEjected(String instanceUrl) {
        return firstEjected.get(instanceUrl);
    }

    int samples() {
        return samples.get();
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
        return samples + " reads of /admin/routes (" + failedReads + " failed): statuses " + statuses + ", probes "
                + probes;
    }
}
