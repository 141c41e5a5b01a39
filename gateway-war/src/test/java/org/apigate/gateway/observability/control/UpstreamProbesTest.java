package org.apigate.gateway.observability.control;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamProbesTest {

    @Test
    void anEmptyPathOrNoneSwitchesProbingOff() {
        assertTrue(UpstreamProbes.switchedOff(""));
        assertTrue(UpstreamProbes.switchedOff("  "));
        assertTrue(UpstreamProbes.switchedOff("none"));
        assertTrue(UpstreamProbes.switchedOff(" NONE "));
        assertFalse(UpstreamProbes.switchedOff("/health/ready"));
        assertFalse(UpstreamProbes.switchedOff("none/ready"));
    }

    @Test
    void anAbsolutePathIsOnTheInstancesServerARelativeOneBelowItsBaseUrl() {
        URI instance = URI.create("http://127.0.0.1:8081/user");

        assertEquals(URI.create("http://127.0.0.1:8081/health/ready"),
                UpstreamProbes.resolve(instance, "/health/ready"));
        assertEquals(URI.create("http://127.0.0.1:8081/user/ready"), UpstreamProbes.resolve(instance, "ready"));
    }
}
