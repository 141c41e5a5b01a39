package org.apigate.gateway.ratelimit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Just enough of MicroProfile Config for the rate limiter: raw values from a map that a test may change, as an
 * operator would at run time. As in MicroProfile Config, an empty value is no value.
 */
final class MapConfig implements Config {

    private final Map<String, String> values = new HashMap<>();

    MapConfig(Map<String, String> initial) {
        values.putAll(initial);
    }

    MapConfig set(String key, String value) {
        values.put(key, value);
        return this;
    }

    MapConfig remove(String key) {
        values.remove(key);
        return this;
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        if (type != String.class) {
            throw new UnsupportedOperationException("the rate limiter reads raw values only, not " + type);
        }
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty()).map(type::cast);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
