package org.apigate.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decisions at the edges. With a window of 60 s the buckets are 3 s wide and a request at {@code t} counts the
 * buckets {@code t/3s - 20 .. t/3s}: a unit comes back when its bucket leaves that span, 63 s after the bucket began.
 */
class SubWindowCountsTest {

    static final long MINUTE = 60_000;
    static final long SECOND = 1_000;
    static final long DAY = 86_400_000;
    static final int BILLION = 1_000_000_000;

    @Test
    void bucketsAreAWindowOverNWideRoundedUp() {
        assertEquals(3_000, SubWindowCounts.bucketMillis(MINUTE));
        assertEquals(50, SubWindowCounts.bucketMillis(SECOND));
        assertEquals(4_320_000, SubWindowCounts.bucketMillis(DAY));
        assertEquals(51, SubWindowCounts.bucketMillis(1_001), "N buckets cover at least the window");
    }

    @Test
    void admitsTheQuotaThenRefuses() {
        Limiter limiter = new Limiter(3, MINUTE);

        assertEquals(new Decision(true, 2, 63), limiter.at(0), "the bucket [0, 3 s) leaves the span at 63 s");
        assertEquals(new Decision(true, 1, 62), limiter.at(1_000));
        assertEquals(new Decision(true, 0, 61), limiter.at(2_000));
        assertEquals(new Decision(false, 0, 60), limiter.at(3_000), "Retry-After: when bucket 0 has left");
    }

    @Test
    void aUnitComesBackWhenTheOldestCountedBucketLeaves() {
        Limiter limiter = new Limiter(10, MINUTE);
        limiter.at(0);
        limiter.at(30_000);

        assertEquals(new Decision(true, 7, 13), limiter.at(50_000), "bucket 0 leaves at 63 s, 13 s from now");
        assertEquals(new Decision(true, 7, 30), limiter.at(63_000), "bucket 0 has left; bucket 10 leaves at 93 s");
    }

    @Test
    void retryAfterIsNeverEarlyAndNeverASecondLate() {
        for (long now : new long[] {40_500, 44_999, 45_000, 61_999}) {
            Limiter limiter = new Limiter(3, MINUTE);
            limiter.at(0);
            limiter.at(12_345);
            limiter.at(30_001);
            long[] full = limiter.state();
            Decision refused = limiter.at(now);
            assertFalse(refused.admitted());

            long retryAt = now + refused.resetSeconds() * 1000;
            assertTrue(new Limiter(3, MINUTE, full).at(retryAt).admitted(), () -> "at " + retryAt);
            assertFalse(new Limiter(3, MINUTE, full).at(retryAt - 1000).admitted(), () -> "at " + retryAt + "-1s");
        }
    }

    @Test
    void aRefusalWaitsUntilEnoughBucketsHaveLeftNotJustTheOldest() {
        // one admission in each of the buckets 0..4 (at 0, 3, 6, 9, 12 s), then the limit is lowered to 2
        Limiter limiter = new Limiter(10, MINUTE);
        for (long t = 0; t < 15_000; t += 3_000) {
            limiter.at(t);
        }

        Decision refused = new Limiter(2, MINUTE, limiter.state()).at(15_000);

        // below 2 once buckets 0..3 have left: bucket 3 leaves when bucket 24 begins, at 72 s
        assertEquals(new Decision(false, 0, 57), refused);
    }

    @Test
    void aRefusalChangesNothingAnAdmissionMakesANewState() {
        Limiter limiter = new Limiter(1, MINUTE);
        limiter.at(0);
        long[] full = limiter.state();
        long[] copy = full.clone();

        limiter.at(10);
        assertSame(full, limiter.state(), "nothing to write");

        limiter.at(63_000);
        assertNotSame(full, limiter.state());
        assertArrayEquals(copy, full, "a state read from the cache is never changed in place");
    }

    @Test
    void aBucketIsCountedUntilItLeavesTheSpanEvenAfterTheWindow() {
        Limiter limiter = new Limiter(1, SECOND);
        assertEquals(new Decision(true, 0, 2), limiter.at(0), "1.05 s, rounded up");

        assertEquals(new Decision(false, 0, 1), limiter.at(999));
        assertEquals(new Decision(false, 0, 1), limiter.at(1_000), "the conservative part: bucket [0, 50 ms)");
        assertEquals(new Decision(false, 0, 1), limiter.at(1_049));
        assertTrue(limiter.at(1_050).admitted());
    }

    @Test
    void aQuotaOfOne() {
        Limiter limiter = new Limiter(1, MINUTE);

        assertEquals(new Decision(true, 0, 63), limiter.at(0));
        assertEquals(new Decision(false, 0, 63), limiter.at(0));
        assertEquals(new Decision(false, 0, 1), limiter.at(62_000));
        assertEquals(new Decision(true, 0, 63), limiter.at(63_000));
    }

    @Test
    void aWindowOfADay() {
        Limiter limiter = new Limiter(2, DAY);

        assertEquals(new Decision(true, 1, 90_720), limiter.at(0), "a day and a bucket of 72 min");
        assertEquals(new Decision(true, 0, 90_720 - 3_600), limiter.at(3_600_000));
        assertEquals(new Decision(false, 0, 90_720 - 86_400), limiter.at(DAY));
        assertTrue(limiter.at(21 * 4_320_000L).admitted());
    }

    @Test
    void aQuotaOfABillionCountsWithoutOverflow() {
        long bucket = 1_700_000_000_000L / 3_000;
        long now = bucket * 3_000 + 1_000;
        Limiter almostFull = new Limiter(BILLION, MINUTE, Limiter.state(bucket, BILLION - 1));

        assertEquals(new Decision(true, 0, 62), almostFull.at(now));
        assertEquals(new Decision(false, 0, 62), almostFull.at(now));

        long[] everyBucketFull = Limiter.state(bucket, filled(SubWindowCounts.SLOTS, BILLION));
        Decision refused = new Limiter(BILLION, MINUTE, everyBucketFull).at(now);
        assertEquals(new Decision(false, 0, 62), refused, "21 billion counted: below q only when all have left");
        assertEquals(new Decision(true, BILLION - 1, 63), new Limiter(BILLION, MINUTE).at(now - 1_000));
    }

    @Test
    void aBurstOfAMillionIsAdmittedExactlyWithAStateOfFixedSize() {
        int limit = 1_000_000;
        Limiter limiter = new Limiter(limit, MINUTE);
        for (int i = 0; i < limit; i++) {
            Decision decision = limiter.at(i / 1_000); // within the first 1000 ms: one bucket
            if (!decision.admitted() || decision.remaining() != limit - 1 - i) {
                throw new AssertionError("request " + i + ": " + decision);
            }
        }
        assertEquals(SubWindowCounts.STATE_LENGTH, limiter.state().length);
        assertEquals(22, limiter.state().length, "N + 2 longs, whatever q is");

        assertEquals(new Decision(false, 0, 62), limiter.at(1_000));
        assertEquals(new Decision(false, 0, 1), limiter.at(62_999));
        assertEquals(new Decision(true, limit - 1, 63), limiter.at(63_000), "the whole burst left at once");
    }

    @Test
    void aClockBehindTheNewestBucketCountsInTheNewestBucket() {
        Limiter limiter = new Limiter(2, MINUTE);
        limiter.at(300_000); // bucket 100

        // another member, 10 s behind, took over the key: its request counts in bucket 100, not in bucket 96
        assertEquals(new Decision(true, 0, 73), limiter.at(290_000), "63 s after bucket 100 began, on this clock");
        assertEquals(100, limiter.state()[0], "the newest bucket stays");
        assertFalse(limiter.at(0).admitted(), "stepping back never escapes the quota");
        assertFalse(limiter.at(362_999).admitted());
        assertTrue(limiter.at(363_000).admitted());
    }

    @Test
    void aLongGapEmptiesEveryBucketAndReusedSlotsStartFromZero() {
        Limiter limiter = new Limiter(100, MINUTE);
        for (long t = 0; t < 63_000; t += 3_000) {
            limiter.at(t); // one admission in each of the 21 buckets 0..20
        }

        assertEquals(79, limiter.at(63_000).remaining(), "bucket 0 left; bucket 21 took its slot");
        assertEquals(78, limiter.at(63_000).remaining(), "that slot counts from zero again");
        assertEquals(99, limiter.at(63_000 + 63_000 * 5).remaining(), "all left");
    }

    @Test
    void anUnusableStateIsTreatedAsNone() {
        Limiter limiter = new Limiter(3, MINUTE, new long[] {7, 1, 2});

        assertEquals(new Decision(true, 2, 63), limiter.at(0));
        assertEquals(SubWindowCounts.STATE_LENGTH, limiter.state().length);
    }

    private static long[] filled(int length, long value) {
        long[] values = new long[length];
        Arrays.fill(values, value);
        return values;
    }
}
