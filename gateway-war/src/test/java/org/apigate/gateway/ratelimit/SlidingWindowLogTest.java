package org.apigate.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowLogTest {

    static final long W = 60_000;

    /** Feeds requests at the given times through one log; returns the decisions. */
    static List<Decision> run(int limit, long windowMillis, long... times) {
        SlidingWindowLog log = SlidingWindowLog.EMPTY;
        List<Decision> decisions = new ArrayList<>();
        for (long t : times) {
            SlidingWindowLog.Outcome outcome = log.admit(t, limit, windowMillis);
            log = outcome.log();
            decisions.add(outcome.decision());
        }
        return decisions;
    }

    @Test
    void admitsTheQuotaThenRefuses() {
        List<Decision> decisions = run(3, W, 0, 1_000, 2_000, 3_000);

        assertEquals(new Decision(true, 2, 60), decisions.get(0));
        assertEquals(new Decision(true, 1, 59), decisions.get(1), "t counts to the oldest admission leaving");
        assertEquals(new Decision(true, 0, 58), decisions.get(2));
        assertEquals(new Decision(false, 0, 57), decisions.get(3), "refused until the admission at 0 leaves");
    }

    @Test
    void anAdmissionLeavesTheWindowExactlyAfterTheWindowLength() {
        List<Decision> decisions = run(1, W, 0, W - 1, W);

        assertTrue(decisions.get(0).admitted());
        assertFalse(decisions.get(1).admitted());
        assertEquals(1, decisions.get(1).resetSeconds(), "1 ms rounds up to a whole second");
        assertTrue(decisions.get(2).admitted());
    }

    @Test
    void retryAfterIsNeverEarlyAndNeverASecondLate() {
        SlidingWindowLog log = SlidingWindowLog.EMPTY;
        for (long t : new long[] {0, 12_345, 30_001}) {
            log = log.admit(t, 3, W).log();
        }
        long now = 40_500;
        Decision refused = log.admit(now, 3, W).decision();
        assertFalse(refused.admitted());

        long retryAt = now + refused.resetSeconds() * 1000;
        assertTrue(log.admit(retryAt, 3, W).decision().admitted());
        assertFalse(log.admit(retryAt - 1000, 3, W).decision().admitted());
    }

    @Test
    void aRefusalWithNothingExpiredLeavesTheLogAsItIs() {
        SlidingWindowLog full = SlidingWindowLog.EMPTY.admit(0, 1, W).log();

        assertSame(full, full.admit(10, 1, W).log());
        assertEquals(0, full.admit(W, 1, W).log().size() - 1, "an expired admission is dropped, the new one kept");
    }

    @Test
    void aLoweredLimitWaitsUntilEnoughAdmissionsHaveLeft() {
        SlidingWindowLog log = SlidingWindowLog.EMPTY;
        for (long t = 0; t < 5_000; t += 1_000) {
            log = log.admit(t, 10, W).log();
        }

        Decision refused = log.admit(5_000, 2, W).decision();

        assertFalse(refused.admitted());
        // admissions at 0..4 s, limit 2: the fourth (at 3 s) must leave, at 63 s
        assertEquals(58, refused.resetSeconds());
    }

    @Test
    void keepsTheLogOrderedWhenTheClockStepsBack() {
        SlidingWindowLog log = SlidingWindowLog.EMPTY.admit(10_000, 3, W).log();

        SlidingWindowLog.Outcome outcome = log.admit(9_000, 3, W);

        assertTrue(outcome.decision().admitted());
        assertEquals(60, outcome.decision().resetSeconds());
    }

    /**
     * The property that makes this algorithm the choice: whatever the arrival pattern, no window of length w holds
     * more than q admissions - checked by brute force over random bursty traffic, including the edges of windows
     * where a fixed window would admit 2q and GCRA 2q - 1.
     */
    @Test
    void neverAdmitsMoreThanTheQuotaInAnyWindow() {
        Random random = new Random(42);
        int limit = 5;
        long window = 1_000;
        SlidingWindowLog log = SlidingWindowLog.EMPTY;
        List<Long> admitted = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 20_000; i++) {
            now += random.nextInt(10) == 0 ? random.nextInt(2_000) : random.nextInt(50);
            SlidingWindowLog.Outcome outcome = log.admit(now, limit, window);
            log = outcome.log();
            if (outcome.decision().admitted()) {
                admitted.add(now);
            }
        }

        // q + 1 admissions inside one window would mean two admissions q apart less than w apart
        for (int i = limit; i < admitted.size(); i++) {
            long span = admitted.get(i) - admitted.get(i - limit);
            int index = i;
            assertTrue(span >= window, () -> limit + 1 + " admissions within " + span + " ms, ending at " + index);
        }
        assertTrue(admitted.size() > 2_000, "and it does admit: " + admitted.size());
    }
}
