package org.apigate.gateway.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A key read live: the default when unset, the last good value when unusable (with a problem), parsed once. */
class SettingTest {

    static final String KEY = "gateway.test.size";

    final TestConfig config = new TestConfig();
    final List<String> parsed = new ArrayList<>();
    final Setting<Integer> size = new Setting<>(config, KEY, 10, text -> {
        parsed.add(text);
        int value = Integer.parseInt(text);
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return value;
    });

    @Test
    void isTheDefaultWhenUnsetOrBlank() {
        assertEquals(10, size.get());
        config.set(KEY, "   ");
        assertEquals(10, size.get());
        assertNull(size.problem());
        assertEquals(KEY, size.key());
    }

    @Test
    void followsTheConfiguredValue() {
        config.set(KEY, " 5 ");
        assertEquals(5, size.get());
        config.set(KEY, "7");
        assertEquals(7, size.get());
        config.remove(KEY);
        assertEquals(10, size.get(), "back to the default");
    }

    @Test
    void keepsTheLastGoodValueAndSaysWhy() {
        config.set(KEY, "5");
        size.get();

        config.set(KEY, "0");
        assertEquals(5, size.get());
        assertEquals("gateway.test.size=0 cannot be used (must be at least 1); keeping 5", size.problem());

        config.set(KEY, "many");
        assertEquals(5, size.get(), "still the last good one");
        assertEquals("gateway.test.size=many cannot be used (For input string: \"many\"); keeping 5", size.problem());

        config.set(KEY, "6");
        assertEquals(6, size.get());
        assertNull(size.problem());
    }

    @Test
    void anUnusableFirstValueKeepsTheDefault() {
        config.set(KEY, "-3");

        assertEquals(10, size.get());
        assertEquals("gateway.test.size=-3 cannot be used (must be at least 1); keeping 10", size.problem());
    }

    @Test
    void parsesOncePerDistinctValue() {
        config.set(KEY, "5");
        size.get();
        size.get();
        size.problem();
        config.set(KEY, "bad");
        size.get();
        size.get();
        config.set(KEY, "5");
        size.get();

        assertEquals(List.of("5", "bad", "5"), parsed);
    }

    @Test
    void aDurationMustBeAPositiveIsoDuration() {
        Setting<Duration> timeout = Setting.duration(config, "gateway.proxy.timeout");

        config.set("gateway.proxy.timeout", "PT2S");
        assertEquals(Duration.ofSeconds(2), timeout.get());
        config.set("gateway.proxy.timeout", "PT0S");
        assertEquals(Duration.ofSeconds(2), timeout.get());
        assertEquals("gateway.proxy.timeout=PT0S cannot be used (must be positive); keeping PT2S", timeout.problem());
        config.set("gateway.proxy.timeout", "10s");
        assertEquals("gateway.proxy.timeout=10s cannot be used (not an ISO-8601 duration such as PT10S); keeping PT2S",
                timeout.problem());
    }

    @Test
    void aNumberMustBeWholeAndAtLeastItsMinimum() {
        Setting<Long> limit = Setting.number(config, "gateway.proxy.max-body-bytes", -1);

        config.set("gateway.proxy.max-body-bytes", "-1");
        assertEquals(-1L, limit.get());
        config.set("gateway.proxy.max-body-bytes", "-2");
        assertEquals("gateway.proxy.max-body-bytes=-2 cannot be used (must be at least -1); keeping -1", limit.problem());
        config.set("gateway.proxy.max-body-bytes", "1.5");
        assertEquals("gateway.proxy.max-body-bytes=1.5 cannot be used (not a whole number); keeping -1", limit.problem());
    }

    @Test
    void anAbsentOrEmptyValueIsTheShippedDefault() {
        Setting<Duration> timeout = Setting.duration(config, "gateway.proxy.timeout");

        assertEquals(Duration.ofSeconds(10), timeout.get(), "microprofile-config.properties ships PT10S");
        config.set("gateway.proxy.timeout", " ");
        assertEquals(Duration.ofSeconds(10), timeout.get());
    }

    @Test
    void aKeyWithoutAShippedDefaultIsAMistakeOfTheCode() {
        IllegalStateException mistake = assertThrows(IllegalStateException.class,
                () -> Setting.duration(config, "gateway.proxy.no-such-key"));
        assertTrue(mistake.getMessage().contains("gateway.proxy.no-such-key"), mistake::getMessage);
    }
}
