package org.apigate.gateway.ratelimit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuotaTest {

    /** Just enough of MicroProfile Config for the lookups a quota makes: integer values from a map. */
    record MapConfig(Map<String, String> values) implements Config {

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(v -> type.cast(Integer.valueOf(v)));
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

    @Test
    void theDefaultPolicyReadsTheGeneralKeys() {
        Config config = new MapConfig(Map.of("gateway.ratelimit.limit", "7", "gateway.ratelimit.window", "30",
                "gateway.ratelimit.default.limit", "99"));

        assertEquals(new Quota("default", 7, 30), Quota.of("default", config));
    }

    @Test
    void aNamedPolicyFallsBackKeyByKey() {
        Config config = new MapConfig(Map.of("gateway.ratelimit.limit", "7", "gateway.ratelimit.window", "30",
                "gateway.ratelimit.search.limit", "3"));

        assertEquals(new Quota("search", 3, 30), Quota.of("search", config));
    }

    @Test
    void withoutAnyKeysTheShippedDefaultsApply() {
        assertEquals(new Quota("default", 100, 60), Quota.of("default", new MapConfig(Map.of())));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Quota("default", 0, 60));
        assertThrows(IllegalArgumentException.class, () -> new Quota("default", Quota.MAX_LIMIT + 1, 60));
        assertThrows(IllegalArgumentException.class, () -> new Quota("default", 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new Quota("two words", 10, 60));
        assertThrows(IllegalArgumentException.class, () -> new Quota("a:b", 10, 60));
    }
}
