package org.apigate.gateway.routing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.config.Setting;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.config.CachedConfig;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The proxy's tuning, {@code gateway.proxy.*} (defaults and meaning in the WAR's
 * {@code microprofile-config.properties}; the Java defaults here only stand in when that file was replaced). Read
 * live, except what the shared HTTP client takes when it is created (connect timeout, pool size).
 */
@ApplicationScoped
public class ProxySettings {

    @Inject
    CachedConfig config;

    private Setting<Duration> timeout;
    private Setting<Long> maxBodyBytes;
    private Setting<Long> ejectAfter;
    private Setting<Duration> ejectFor;
    private Setting<Long> maxEjectionPercent;
    private Setting<Duration> connectTimeout;
    private Setting<Long> maxConnections;

    public ProxySettings() {
    }

    /** For tests: settings read from {@code config}, uncached. */
    public ProxySettings(Config config) {
        this.config = new CachedConfig(config, 0);
        create();
    }

    @PostConstruct
    void create() {
        timeout = Setting.duration(config, "gateway.proxy.timeout");
        maxBodyBytes = Setting.number(config, "gateway.proxy.max-body-bytes", -1);
        ejectAfter = Setting.number(config, "gateway.proxy.eject-after", 1);
        ejectFor = Setting.duration(config, "gateway.proxy.eject-for");
        maxEjectionPercent = new Setting<>(config, "gateway.proxy.max-ejection-percent",
                text -> percent(Long.parseLong(text)));
        connectTimeout = Setting.duration(config, "gateway.proxy.connect-timeout");
        maxConnections = Setting.number(config, "gateway.proxy.max-connections", 1);
    }

    /** How long one instance may take for the head of its answer, and at most between two reads of its body. */
    public Duration timeout() {
        return timeout.get();
    }

    /** The largest request body forwarded, -1 for no limit; a bigger one is answered 413. */
    public long maxBodyBytes() {
        return maxBodyBytes.get();
    }

    /** The largest request body of {@code route}: its own {@code max-body-bytes}, else the proxy's; -1 for none. */
    public long bodyLimit(Route route) {
        return route.maxBodyBytes() != null ? route.maxBodyBytes() : maxBodyBytes();
    }

    /** How long one call on {@code route} may take: its own {@code timeout}, else the proxy's. */
    public Duration timeout(Route route) {
        return route.timeout() != null ? route.timeout() : timeout();
    }

    /** Failures in a row after which an instance is taken out of rotation. */
    public int ejectAfter() {
        return ejectAfter.get().intValue();
    }

    /** How long an ejected instance stays out of rotation before it gets traffic again. */
    public Duration ejectFor() {
        return ejectFor.get();
    }

    /** The largest share of a service's instances passive health may eject at once (at least one may always go). */
    public int maxEjectionPercent() {
        return maxEjectionPercent.get().intValue();
    }

    /** How long connecting may take; read when the client is created. */
    public Duration connectTimeout() {
        return connectTimeout.get();
    }

    /** The most connections the gateway keeps to all instances together; read when the client is created. */
    public int maxConnections() {
        return maxConnections.get().intValue();
    }

    /** The settings whose configured value cannot be used, and what is in force instead. */
    public List<String> problems() {
        return Stream.of(timeout, maxBodyBytes, ejectAfter, ejectFor, maxEjectionPercent, connectTimeout,
                maxConnections).map(Setting::problem).filter(Objects::nonNull).toList();
    }

    private static long percent(long value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("must be 0..100");
        }
        return value;
    }
}
