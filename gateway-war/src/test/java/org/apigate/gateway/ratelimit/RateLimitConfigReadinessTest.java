package org.apigate.gateway.ratelimit;

import org.apigate.gateway.config.TestConfig;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimitConfigReadinessTest {

    static HealthCheckResponse check(TestConfig config) {
        RateLimitConfigReadiness readiness = new RateLimitConfigReadiness();
        readiness.settings = QuotaSettingsTest.settings(config);
        return readiness.call();
    }

    @Test
    void isUpWithoutDataWhenAllIsWell() {
        HealthCheckResponse response = check(TestConfig.of(Map.of("gateway.ratelimit.limit", "10")));

        assertEquals("gateway-ratelimit-config", response.getName());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(Optional.empty(), response.getData());
    }

    @Test
    void staysUpAndListsTheProblems() {
        Logger log = Logger.getLogger(QuotaSettings.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF); // the warnings are QuotaSettingsTest's subject
        try {
            HealthCheckResponse response = check(TestConfig.of(Map.of(
                    "gateway.ratelimit.limit", "-1", "gateway.ratelimit.anonymous.window", "a minute")));

            assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), "the gateway serves with the defaults");
            assertEquals(Optional.of(Map.of(
                    "problem.1", "gateway.ratelimit.anonymous.window='a minute' is not a whole number from 1 to 86400;"
                            + " using 60, as if it were not set",
                    "problem.2", "gateway.ratelimit.limit='-1' is not a whole number from 1 to 1000000000;"
                            + " using 100, as if it were not set")), response.getData());
        } finally {
            log.setLevel(level);
        }
    }
}
