package org.apigate.gateway.observability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.config.CachedConfig;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Active readiness probes of service instances, for the gateway's own readiness: {@code GET} of
 * {@code gateway.health.probe-path} (default {@code /health/ready}, resolved against the instance's base URL, so an
 * absolute path is the server's MicroProfile Health endpoint) within {@code gateway.health.probe-timeout}; ready
 * means a 2xx answer. A result is reused for {@code gateway.health.probe-interval}, so however often load balancers
 * ask, each instance is probed at most once per interval, and all due probes run in parallel. An empty probe path
 * or {@code none} switches probing off (readiness then rests on passive health alone): needed where the services
 * share the gateway's server (Payara Server), as a probe of {@code /health/ready} would ask the gateway's own
 * readiness from inside it.
 */
@ApplicationScoped
public class UpstreamProbes {

    static final String PATH = "gateway.health.probe-path";
    static final String TIMEOUT = "gateway.health.probe-timeout";
    static final String INTERVAL = "gateway.health.probe-interval";
    /** A probe path that switches probing off; asadmin {@code set-config-property} cannot set an empty value. */
    static final String OFF = "none";

    @Inject
    CachedConfig config;

    private final Map<URI, Probe> last = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();

    private record Probe(boolean ready, long atNanos) {
    }

    /** Whether probing is on: a probe path is configured. */
    public boolean probing() {
        return !switchedOff(config.getOptionalValue(PATH, String.class).orElse(""));
    }

    static boolean switchedOff(String path) {
        return path.isBlank() || path.strip().equalsIgnoreCase(OFF);
    }

    /**
     * Which of {@code instances} answered their probe, fresh or from the last interval. Synchronized: concurrent
     * health requests wait for one round of probes (at most the probe timeout) instead of sending their own.
     */
    public synchronized Map<URI, Boolean> ready(Collection<URI> instances) {
        String path = config.getOptionalValue(PATH, String.class).orElse("");
        Duration timeout = config.getOptionalValue(TIMEOUT, Duration.class).orElse(Duration.ofSeconds(1));
        long interval = config.getOptionalValue(INTERVAL, Duration.class).orElse(Duration.ofSeconds(5)).toNanos();
        long now = System.nanoTime();
        Map<URI, CompletableFuture<HttpResponse<Void>>> due = new HashMap<>();
        for (URI instance : instances) {
            Probe probe = last.get(instance);
            if (probe == null || now - probe.atNanos() >= interval) {
                due.put(instance, client.sendAsync(HttpRequest.newBuilder(resolve(instance, path)).timeout(timeout)
                        .GET().build(), HttpResponse.BodyHandlers.discarding()));
            }
        }
        long deadline = now + timeout.toNanos();
        due.forEach((instance, answer) -> last.put(instance, new Probe(answered(answer, deadline), now)));
        Map<URI, Boolean> ready = new HashMap<>();
        for (URI instance : instances) {
            ready.put(instance, last.get(instance).ready());
        }
        return ready;
    }

    /**
     * An absolute path is on the instance's server: {@code /health/ready} for {@code http://h:8081/user} is
     * {@code http://h:8081/health/ready}; a relative one is below the instance's base URL ({@code http://h:8081/user/x}).
     */
    static URI resolve(URI instance, String path) {
        return path.startsWith("/") ? instance.resolve(path) : URI.create(instance + "/" + path);
    }

    private static boolean answered(CompletableFuture<HttpResponse<Void>> answer, long deadline) {
        try {
            int status = answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).statusCode();
            return status >= 200 && status < 300;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return false;
        } catch (Exception refusedFailedOrTooLate) {
            answer.cancel(true);
            return false;
        }
    }
}
