package org.apigate.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fields exactly as draft-ietf-httpapi-ratelimit-headers-11 and the contract spell them. */
class RateLimitOutcomeTest {

    @Test
    void rendersAnAdmission() {
        RateLimitOutcome outcome = new RateLimitOutcome(new Quota("default", 100, 60), new Decision(true, 99, 60));

        assertEquals("\"default\";q=100;w=60", outcome.policyField());
        assertEquals("\"default\";r=99;t=60", outcome.stateField());
        assertNull(outcome.retryAfter());
    }

    @Test
    void rendersARefusal() {
        RateLimitOutcome outcome = new RateLimitOutcome(new Quota("burst", 3, 10), new Decision(false, 0, 7));

        assertEquals("\"burst\";q=3;w=10", outcome.policyField());
        assertEquals("\"burst\";r=0;t=7", outcome.stateField());
        assertEquals("7", outcome.retryAfter());
    }
}
