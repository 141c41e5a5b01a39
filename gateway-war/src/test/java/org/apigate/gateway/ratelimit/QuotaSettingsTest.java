package org.apigate.gateway.ratelimit;

import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.config.CachedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotaSettingsTest {

    static final String LIMIT = "gateway.ratelimit.limit";
    static final String WINDOW = "gateway.ratelimit.window";
    static final List<String> UNUSABLE_LIMITS = List.of("0", "-1", "abc", "1e10", "10000000000", "1000000001",
            "99999999999999999999", "5.5");

    final Logger log = Logger.getLogger(QuotaSettings.class.getName());
    final List<LogRecord> warnings = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    boolean parentHandlers;

    @BeforeEach
    void captureTheLog() {
        parentHandlers = log.getUseParentHandlers();
        log.setUseParentHandlers(false);
        log.addHandler(capture);
    }

    @AfterEach
    void releaseTheLog() {
        log.removeHandler(capture);
        log.setUseParentHandlers(parentHandlers);
    }

    static QuotaSettings settings(TestConfig config) {
        QuotaSettings settings = new QuotaSettings();
        settings.config = new CachedConfig(config, 0);
        return settings;
    }

    @Test
    void theDefaultPolicyReadsTheGeneralKeys() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "7", WINDOW, "30", "gateway.ratelimit.default.limit", "99"));

        assertEquals(new Quota("default", 7, 30), settings(config).quota("default"));
    }

    @Test
    void aNamedPolicyFallsBackKeyByKey() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "7", WINDOW, "30", "gateway.ratelimit.search.limit", "3"));

        assertEquals(new Quota("search", 3, 30), settings(config).quota("search"));
    }

    @Test
    void withoutAnyKeysTheBuiltInDefaultsApply() {
        QuotaSettings settings = settings(TestConfig.of(Map.of()));

        assertEquals(new Quota("default", 100, 60), settings.quota("default"));
        assertEquals(new Quota("anonymous", 100, 60), settings.quota("anonymous"));
        assertEquals(new Quota("search", 100, 60), settings.quota("search"));
    }

    @Test
    void theAnonymousPolicyHasDefaultsOfItsOwn() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "5000", WINDOW, "1"));
        QuotaSettings settings = settings(config);

        assertEquals(new Quota("anonymous", 100, 60), settings.quota("anonymous"), "not the default policy's");
        config.set("gateway.ratelimit.anonymous.limit", "20");
        assertEquals(new Quota("anonymous", 20, 60), settings.quota("anonymous"));
    }

    @Test
    void theWarShipsTheAnonymousPolicy() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            assertNotNull(in, "the WAR's microprofile-config.properties on the test class path");
            shipped.load(in);
        }

        assertEquals("100", shipped.getProperty("gateway.ratelimit.anonymous.limit"));
        assertEquals("60", shipped.getProperty("gateway.ratelimit.anonymous.window"));
        assertEquals("100", shipped.getProperty(LIMIT));
        assertEquals("60", shipped.getProperty(WINDOW));
    }

    @Test
    void anUnusableLimitKeepsTheLastGoodOne() {
        for (String unusable : UNUSABLE_LIMITS) {
            TestConfig config = TestConfig.of(Map.of(LIMIT, "50"));
            QuotaSettings settings = settings(config);
            assertEquals(50, settings.quota("default").limit());

            config.set(LIMIT, unusable);

            assertEquals(new Quota("default", 50, 60), settings.quota("default"), unusable);
            assertEquals(List.of(LIMIT + "='" + unusable + "' is not a whole number from 1 to 1000000000; keeping 50,"
                    + " its last good value"), settings.problems());
        }
    }

    @Test
    void anUnusableValueFromTheStartGivesTheDefault() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "abc", WINDOW, "86401"));
        QuotaSettings settings = settings(config);

        assertEquals(new Quota("default", 100, 60), settings.quota("default"));
        assertEquals(List.of(
                LIMIT + "='abc' is not a whole number from 1 to 1000000000; using 100, as if it were not set",
                WINDOW + "='86401' is not a whole number from 1 to 86400; using 60, as if it were not set"),
                settings.problems());
    }

    @Test
    void aNamedPolicysUnusableValueFromTheStartGivesTheDefaultPolicys() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "7", "gateway.ratelimit.search.window", "-1"));
        QuotaSettings settings = settings(config);
        config.set("gateway.ratelimit.search.limit", "0");

        assertEquals(new Quota("search", 7, 60), settings.quota("search"));
        assertEquals(2, settings.problems().size(), () -> settings.problems().toString());
    }

    @Test
    void anUnusableWindowKeepsTheLastGoodOne() {
        TestConfig config = TestConfig.of(Map.of(WINDOW, "86400"));
        QuotaSettings settings = settings(config);
        assertEquals(86_400, settings.quota("default").windowSeconds());

        for (String unusable : List.of("0", "86401", "1 day")) {
            config.set(WINDOW, unusable);
            assertEquals(86_400, settings.quota("default").windowSeconds(), unusable);
        }
    }

    @Test
    void logsAnUnusableValueOnceOnOneLine() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "50"));
        QuotaSettings settings = settings(config);
        settings.quota("default");
        config.set(LIMIT, "12\nFAKE LOG LINE");

        for (int i = 0; i < 100; i++) {
            settings.quota("default");
            settings.quota("search"); // shares the key: still one warning
            settings.problems();
        }

        assertEquals(1, warnings.size());
        LogRecord warning = warnings.get(0);
        assertEquals(Level.WARNING, warning.getLevel());
        assertNull(warning.getThrown());
        assertFalse(warning.getMessage().contains("\n"), warning.getMessage());
        assertTrue(warning.getMessage().contains(LIMIT + "='12?FAKE LOG LINE'"), warning.getMessage());
        assertTrue(warning.getMessage().contains("keeping 50"), warning.getMessage());

        config.set(LIMIT, "abc");
        settings.quota("default");
        settings.quota("default");
        assertEquals(2, warnings.size(), "another unusable value is another warning");
    }

    @Test
    void aCorrectedValueClearsTheProblem() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "abc"));
        QuotaSettings settings = settings(config);
        assertEquals(1, settings.problems().size());

        config.set(LIMIT, "40");

        assertEquals(40, settings.quota("default").limit());
        assertEquals(List.of(), settings.problems());
        config.set(LIMIT, "abc");
        assertEquals(40, settings.quota("default").limit(), "and becomes the last good value");
    }

    @Test
    void aRemovedValueFallsBackAndAnUnusableOneThenKeepsTheFallback() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "7", "gateway.ratelimit.search.limit", "3"));
        QuotaSettings settings = settings(config);
        assertEquals(3, settings.quota("search").limit());

        config.remove("gateway.ratelimit.search.limit");
        assertEquals(7, settings.quota("search").limit());
        config.set("gateway.ratelimit.search.limit", "none");
        assertEquals(7, settings.quota("search").limit(), "what was in force: the default policy's");
    }

    @Test
    void problemsCoverTheBuiltInPoliciesBeforeAnyRequest() {
        QuotaSettings settings = settings(TestConfig.of(Map.of("gateway.ratelimit.anonymous.window", "0")));

        assertEquals(List.of("gateway.ratelimit.anonymous.window='0' is not a whole number from 1 to 86400;"
                + " using 60, as if it were not set"), settings.problems());
    }

    @Test
    void keepsTheSameQuotaWhileNothingChanges() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "7"));
        QuotaSettings settings = settings(config);
        Quota first = settings.quota("default");

        assertSame(first, settings.quota("default"), "no allocation per request");
        config.set(LIMIT, "8");
        assertEquals(8, settings.quota("default").limit());
    }

    @Test
    void acceptsTheExtremes() {
        TestConfig config = TestConfig.of(Map.of(LIMIT, "1000000000", WINDOW, " 86400 "));

        assertEquals(new Quota("default", 1_000_000_000, 86_400), settings(config).quota("default"));
        config.set(LIMIT, "1").set(WINDOW, "1");
        assertEquals(new Quota("default", 1, 1), settings(config).quota("default"));
    }
}
