package org.apigate.gateway.routing.control;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActiveHealthTest {

    @Test
    void anEmptyPathOrNoneSwitchesProbingOff() {
        assertTrue(ActiveHealth.switchedOff(""));
        assertTrue(ActiveHealth.switchedOff("  "));
        assertTrue(ActiveHealth.switchedOff("none"));
        assertTrue(ActiveHealth.switchedOff(" NONE "));
        assertFalse(ActiveHealth.switchedOff("/health/ready"));
        assertFalse(ActiveHealth.switchedOff("none/ready"));
    }

    @Test
    void anAbsolutePathIsOnTheInstancesServerARelativeOneBelowItsBaseUrl() {
        URI instance = URI.create("http://127.0.0.1:8081/user");

        assertEquals(URI.create("http://127.0.0.1:8081/health/ready"),
                ActiveHealth.resolve(instance, "/health/ready"));
        assertEquals(URI.create("http://127.0.0.1:8081/user/ready"), ActiveHealth.resolve(instance, "ready"));
    }
}
