package org.apigate.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The ranges a quota can have; {@link QuotaSettingsTest} covers how the configuration is read. */
class QuotaTest {

    @Test
    void acceptsTheWholeRange() {
        assertAll(
                () -> assertDoesNotThrow(() -> new Quota("default", 1, 1)),
                () -> assertDoesNotThrow(() -> new Quota("default", 1_000_000_000, 86_400)),
                () -> assertEquals(86_400_000L, new Quota("day", 5, 86_400).windowMillis()));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Quota("default", 0, 60));
        assertThrows(IllegalArgumentException.class, () -> new Quota("default", Quota.MAX_LIMIT + 1, 60));
        assertThrows(IllegalArgumentException.class, () -> new Quota("default", 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new Quota("default", 10, Quota.MAX_WINDOW_SECONDS + 1));
        assertThrows(IllegalArgumentException.class, () -> new Quota("two words", 10, 60));
        assertThrows(IllegalArgumentException.class, () -> new Quota("a:b", 10, 60));
    }
}
