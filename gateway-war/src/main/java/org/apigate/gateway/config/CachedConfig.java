package org.apigate.gateway.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * The application's MicroProfile Config, with every value the gateway looks up on its request path - present or
 * absent - kept for {@code mp.config.cache.duration} (1000 ms as shipped; 0 re-reads every time). Payara caches present
 * values already, but an absent key (an optional setting left unset, as most are) walks every config source on every
 * lookup: measured at about 5 % of a proxied request's CPU. With this, a request's settings cost map lookups, and a
 * change made with asadmin, the console or an environment variable still applies within the same time.
 */
@ApplicationScoped
@Typed(CachedConfig.class)
public class CachedConfig implements Config {

    public static final String CACHE_DURATION = "mp.config.cache.duration";
    private static final Logger LOG = Logger.getLogger(CachedConfig.class.getName());

    @Inject
    Config delegate;

    private long refreshNanos;
    private final ConcurrentMap<Key, Entry> values = new ConcurrentHashMap<>();

    private record Key(String name, Class<?> type) {
    }

    private record Entry(Optional<?> value, long readNanos) {
    }

    public CachedConfig() {
    }

    /** For tests: {@code delegate} read through a cache of {@code refreshMillis}. */
    public CachedConfig(Config delegate, long refreshMillis) {
        this.delegate = delegate;
        this.refreshNanos = refreshMillis * 1_000_000L;
    }

    @PostConstruct
    void start() {
        long millis = delegate.getOptionalValue(CACHE_DURATION, Long.class).orElse(ShippedDefaults.number(CACHE_DURATION));
        refreshNanos = Math.max(0, millis) * 1_000_000L;
        LOG.info(() -> "Gateway settings are read again at most every " + millis + " ms (" + CACHE_DURATION + ")");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        Key key = new Key(propertyName, propertyType);
        long now = System.nanoTime();
        Entry entry = values.get(key);
        if (entry == null) {
            entry = new Entry(delegate.getOptionalValue(propertyName, propertyType), now);
            values.put(key, entry);
        } else if (now - entry.readNanos() >= refreshNanos && values.replace(key, entry, new Entry(entry.value(), now))) {
            // one thread reads the value again; the others go on with the one they have meanwhile (a lookup of an
            // absent key takes milliseconds, and 32 threads doing it at once each second were 5 % of the CPU)
            entry = new Entry(delegate.getOptionalValue(propertyName, propertyType), now);
            values.put(key, entry);
        }
        return (Optional<T>) entry.value();
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType)
                .orElseThrow(() -> new NoSuchElementException("No value for " + propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        return delegate.getConfigValue(propertyName);
    }

    @Override
    public <T> List<T> getValues(String propertyName, Class<T> propertyType) {
        return delegate.getValues(propertyName, propertyType);
    }

    @Override
    public <T> Optional<List<T>> getOptionalValues(String propertyName, Class<T> propertyType) {
        return delegate.getOptionalValues(propertyName, propertyType);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return delegate.getPropertyNames();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return delegate.getConfigSources();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return delegate.getConverter(forType);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return Objects.requireNonNull(type).isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }
}
