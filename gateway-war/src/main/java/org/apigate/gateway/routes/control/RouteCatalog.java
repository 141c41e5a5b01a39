package org.apigate.gateway.routes.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.config.CachedConfig;
import org.apigate.gateway.config.ShippedDefaults;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The routes configured right now: {@code gateway.routes} lists their names in order of precedence, and
 * {@code gateway.route.<name>.*} defines each ({@link RouteParser}). Re-read at most once per
 * {@code mp.config.cache.duration} (the time Payara keeps a config value anyway), so a change applies within that
 * time and a request costs a field read, not some thirty config lookups. A route that cannot be used is skipped and
 * reported: logged once per distinct problem, listed by {@link #problems()} for readiness and {@code /admin/routes}.
 */
@ApplicationScoped
public class RouteCatalog {

    static final String ROUTES = "gateway.routes";
    private static final Logger LOG = Logger.getLogger(RouteCatalog.class.getName());

    @Inject
    CachedConfig config;

    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private long refreshNanos;
    private volatile Snapshot current;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    private record Snapshot(List<Route> routes, List<String> problems, long readNanos) {
    }

    @PostConstruct
    void start() {
        refreshNanos = Duration.ofMillis(config.getOptionalValue(CachedConfig.CACHE_DURATION, Long.class)
                .orElse(ShippedDefaults.number(CachedConfig.CACHE_DURATION)))
                .toNanos();
    }

    /** The usable routes, in order of precedence. */
    public List<Route> routes() {
        return snapshot().routes();
    }

    /** Why configured routes are skipped; empty when every one is usable. */
    public List<String> problems() {
        return snapshot().problems();
    }

    private Snapshot snapshot() {
        Snapshot snapshot = current;
        long now = System.nanoTime();
        if (snapshot == null) {
            snapshot = read(now);
            current = snapshot;
        } else if (now - snapshot.readNanos() >= refreshNanos && refreshing.compareAndSet(false, true)) {
            // one thread reads the routes again; the others serve with the ones they have meanwhile
            try {
                snapshot = read(now);
                current = snapshot;
            } finally {
                refreshing.set(false);
            }
        }
        return snapshot;
    }

    /** The usable routes {@code config} defines now, for readers outside a request (e.g. the OpenAPI document). */
    public static List<Route> definedIn(Config config) {
        return read(config, System.nanoTime()).routes();
    }

    private Snapshot read(long now) {
        Snapshot snapshot = read(config, now);
        for (String problem : snapshot.problems()) {
            if (reported.add(problem)) {
                LOG.warning(() -> "Route skipped: " + problem);
            }
        }
        return snapshot;
    }

    private static Snapshot read(Config config, long now) {
        List<Route> routes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> names = RouteParser.names(config.getOptionalValue(ROUTES, String.class).orElse(""));
        for (String name : names) {
            try {
                Route route = RouteParser.parse(name, setting -> value(config, name, setting));
                if (routes.stream().anyMatch(other -> other.name().equals(name))) {
                    throw new RouteParser.InvalidRoute("route '" + name + "' is listed twice in " + ROUTES);
                }
                routes.add(route);
            } catch (RouteParser.InvalidRoute e) {
                problems.add(e.getMessage());
            }
        }
        return new Snapshot(List.copyOf(routes), List.copyOf(problems), now);
    }

    private static Optional<String> value(Config config, String name, String setting) {
        return config.getOptionalValue(RouteParser.PREFIX + name + "." + setting, String.class)
                .filter(value -> !value.isBlank());
    }
}
