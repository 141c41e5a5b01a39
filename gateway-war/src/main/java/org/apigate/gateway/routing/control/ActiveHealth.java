package org.apigate.gateway.routing.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apigate.gateway.config.CachedConfig;
import org.apigate.gateway.config.Setting;
import org.apigate.gateway.routing.entity.Instance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Active health: every {@code gateway.health.probe-interval} each instance of every service the gateway routes to is
 * probed - {@code GET gateway.health.probe-path} (default {@code /health/ready}, resolved against the instance's base
 * URL, so an absolute path is its server's MicroProfile Health endpoint), ready on a 2xx within
 * {@code gateway.health.probe-timeout}. With {@code gateway.health.active} (default true) an instance that is not
 * ready is out of rotation until it is again - before a client request fails on it, and back without waiting out
 * an ejection; the gateway's own readiness reports the results either way. Probing runs on the container's managed
 * scheduler, all due probes in parallel, never on a request's thread. An empty probe path or {@code none} switches
 * probing off (passive health alone): needed where the services share the gateway's server (Payara Server), as a
 * probe of {@code /health/ready} would ask the gateway's own readiness from inside it.
 */
@ApplicationScoped
public class ActiveHealth {

    static final String PATH = "gateway.health.probe-path";
    static final String TIMEOUT = "gateway.health.probe-timeout";
    static final String INTERVAL = "gateway.health.probe-interval";
    static final String ACTIVE = "gateway.health.active";
    /** A probe path that switches probing off; asadmin {@code set-config-property} cannot set an empty value. */
    static final String OFF = "none";
    private static final Logger LOG = Logger.getLogger(ActiveHealth.class.getName());

    @Inject
    CachedConfig config;

    @Inject
    ServiceDirectory directory;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<String> services = ConcurrentHashMap.newKeySet();
    private final Map<URI, Boolean> ready = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private volatile ScheduledFuture<?> next;
    private Setting<Duration> timeout;
    private Setting<Duration> interval;
    private Setting<Boolean> active;

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        timeout = Setting.duration(config, TIMEOUT);
        interval = Setting.duration(config, INTERVAL);
        active = Setting.flag(config, ACTIVE);
        schedule(Duration.ZERO);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> scheduled = next;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    /** Probe the instances of {@code service} too (from the next round on). */
    public void watch(String service) {
        services.add(service);
    }

    /** Whether probing is on: a probe path is configured. */
    public boolean probing() {
        return !switchedOff(config.getOptionalValue(PATH, String.class).orElse(""));
    }

    /** The last probe's result for {@code instance}; null when probing is off or it was not probed yet. */
    public Boolean ready(URI instance) {
        return probing() ? ready.get(instance) : null;
    }

    /** Whether active health lets {@code instance} take traffic: not while its last probe failed. */
    public boolean inRotation(URI instance) {
        return !Boolean.FALSE.equals(ready(instance)) || !active.get();
    }

    static boolean switchedOff(String path) {
        return path.isBlank() || path.strip().equalsIgnoreCase(OFF);
    }

    /**
     * An absolute path is on the instance's server: {@code /health/ready} for {@code http://h:8081/user} is
     * {@code http://h:8081/health/ready}; a relative one is below the instance's base URL ({@code http://h:8081/user/x}).
     */
    static URI resolve(URI instance, String path) {
        return path.startsWith("/") ? instance.resolve(path) : URI.create(instance + "/" + path);
    }

    private void schedule(Duration delay) {
        next = scheduler.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            String path = config.getOptionalValue(PATH, String.class).orElse("");
            if (!switchedOff(path)) {
                probe(path.strip());
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "A round of readiness probes failed: " + e);
        } finally {
            schedule(interval.get());
        }
    }

    private void probe(String path) {
        Duration limit = timeout.get();
        Map<URI, CompletableFuture<HttpResponse<Void>>> due = new HashMap<>();
        for (String service : services) {
            for (Instance instance : directory.instancesOf(service)) {
                due.computeIfAbsent(instance.url(), url -> client.sendAsync(
                        HttpRequest.newBuilder(resolve(url, path)).timeout(limit).GET().build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
        }
        long deadline = System.nanoTime() + limit.toNanos();
        due.forEach((instance, answer) -> {
            boolean now = answered(answer, deadline);
            Boolean before = ready.put(instance, now);
            if (before != null && before != now) {
                LOG.info(() -> "Instance " + instance + (now ? " is ready again: back in rotation"
                        : " failed its readiness probe" + (active.get() ? ": out of rotation" : "")));
            }
        });
        ready.keySet().retainAll(due.keySet());
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
