package org.apigate.gateway.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Just enough of MicroProfile Config for unit tests: values from a map that a test may change, as an operator would at
 * run time. As in MicroProfile Config, an empty value is no value. Converts to String, Long, Integer and Boolean.
 */
public final class TestConfig implements Config {

    private final Map<String, String> values = new HashMap<>();

    /** A config with {@code keysAndValues}: key, value, key, value... */
    public static TestConfig of(String... keysAndValues) {
        TestConfig config = new TestConfig();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.set(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    /** A config with the entries of {@code values}. */
    public static TestConfig of(Map<String, String> values) {
        TestConfig config = new TestConfig();
        config.values.putAll(values);
        return config;
    }

    public TestConfig set(String key, String value) {
        values.put(key, value);
        return this;
    }

    public TestConfig remove(String key) {
        values.remove(key);
        return this;
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty())
                .map(value -> convert(value, type));
    }

    private static <T> T convert(String value, Class<T> type) {
        if (type == String.class) {
            return type.cast(value);
        }
        if (type == Long.class) {
            return type.cast(Long.valueOf(value.strip()));
        }
        if (type == Integer.class) {
            return type.cast(Integer.valueOf(value.strip()));
        }
        if (type == Boolean.class) {
            return type.cast(Boolean.valueOf(value.strip()));
        }
        throw new UnsupportedOperationException("TestConfig does not convert to " + type);
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
