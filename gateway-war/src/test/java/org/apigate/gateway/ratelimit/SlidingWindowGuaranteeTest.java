package org.apigate.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the algorithm promises, checked by brute force: over random traffic no window of length {@code w}, wherever it
 * starts, holds more than {@code q} admissions; and the conservative counting costs a steady client at most one
 * bucket's worth of its quota per window.
 */
class SlidingWindowGuaranteeTest {

    static final int N = SubWindowCounts.BUCKETS;
    static final int[] LIMITS = {1, 2, 3, 5, 17, 20, 21, 100, 1_000};
    static final int[] WINDOW_SECONDS = {1, 2, 7, 60, 86_400};
    /** Request times are epoch milliseconds, as on a member: bucket indexes near 10^9 for a 1 s window. */
    static final long EPOCH = 1_700_000_000_000L;

    /** Ways requests arrive, each drawing the next request time from the previous one. */
    enum Traffic {
        /** Up to 3q requests within a few ms, then a pause of up to two windows. */
        BURSTS,
        /** A fixed rate between half and three times q per w, each gap jittered by up to half. */
        STEADY,
        /** Dense requests and, now and then, a pause of about a window, a bucket or the counted span. */
        GAPS,
        /** Steps that land on bucket and window boundaries and a millisecond either side of them. */
        EDGES,
        /** Bursts and steady traffic on a clock that sometimes steps back (another member) or jumps ahead. */
        CLOCK_STEPS
    }

    @Test
    void noWindowOfLengthWEverHoldsMoreThanQAdmissions() {
        Random seeds = new Random(20_251_001);
        long admissions = 0;
        for (int run = 0; run < 300; run++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            int limit = LIMITS[random.nextInt(LIMITS.length)];
            long window = WINDOW_SECONDS[random.nextInt(WINDOW_SECONDS.length)] * 1000L;
            Traffic traffic = Traffic.values()[random.nextInt(Traffic.values().length)];
            long[] requests = requests(traffic, random, limit, window, 2_000);

            long[] admitted = admittedOnTheLimitersClock(requests, limit, window);

            int most = mostInAnyWindow(admitted, window);
            assertTrue(most <= limit, () -> most + " admissions in one window of " + window + " ms, quota " + limit
                    + ", " + traffic + " traffic, seed " + seed);
            assertTrue(admitted.length >= Math.min(limit, requests.length), "the first q requests are admitted");
            admissions += admitted.length;
        }
        assertTrue(admissions > 100_000, "the traffic did test something: " + admissions + " admissions");
    }

    /**
     * Steady traffic at exactly q per w ({@code t_i = floor(i·w/q)}) puts q requests into every window {@code (t-w,
     * t]} (once traffic has run for a window). At most {@code ceil(q/N)} of them are refused: let {@code r} be the
     * last refused one. At {@code r} the counted span held q admissions, of which at most {@code q - 1 - R'} (R'
     * the refusals before r in {@code (r-w, r]}) lie in {@code (r-w, r]}; so at least {@code R' + 1} - no fewer than
     * the window's refusals - lie in the rest of the span, {@code [(k-N)·b, r-w]}, at most b ms long (w is a
     * multiple of N ms, as every window in whole seconds is), which gets at most {@code ceil(q·b/w) = ceil(q/N)}
     * requests.
     */
    @Test
    void steadyTrafficAtTheQuotaIsRefusedAtMostOneBucketsWorthPerWindow() {
        for (int limit : LIMITS) {
            for (int seconds : new int[] {1, 7, 60, 86_400}) {
                long window = seconds * 1000L;
                long[] requests = new long[limit * 6];
                for (int i = 0; i < requests.length; i++) {
                    requests[i] = EPOCH + Math.floorDiv((long) i * window, limit);
                }
                long[] admitted = admittedOnTheLimitersClock(requests, limit, window);

                long lastEnd = requests[requests.length - 1] - 1; // later windows lack requests not yet sent
                int least = leastInAnyFullWindow(admitted, window, EPOCH + window - 1, lastEnd);
                int bound = limit - (limit + N - 1) / N;
                assertTrue(least >= bound, () -> "quota " + limit + " per " + seconds + " s: only " + least
                        + " admissions in some window, expected at least " + bound);
            }
        }
    }

    @Test
    void theBruteForceCountsWhatItShould() {
        assertEquals(2, mostInAnyWindow(new long[] {0, 999, 1_000}, 1_000), "0 has left a window ending at 1000");
        assertEquals(3, mostInAnyWindow(new long[] {5, 5, 5}, 1_000));
        assertEquals(0, leastInAnyFullWindow(new long[] {0, 1_000, 2_500}, 1_000, 999, 3_000),
                "(1000, 2000] holds none");
        assertEquals(1, leastInAnyFullWindow(new long[] {0, 1_000, 2_000}, 1_000, 999, 2_999));
        assertEquals(0, leastInAnyFullWindow(new long[] {0, 1_000, 2_000}, 1_000, 999, 3_000), "(2000, 3000]");
    }

    /**
     * Runs the requests through one key; returns the admissions' times on the limiter's clock: the request's own
     * time, or the newest admission's when the request's clock is behind it (it then counts in the newest bucket).
     */
    static long[] admittedOnTheLimitersClock(long[] requests, int limit, long window) {
        Limiter limiter = new Limiter(limit, window);
        long[] admitted = new long[requests.length];
        int count = 0;
        long clock = Long.MIN_VALUE;
        for (long request : requests) {
            if (limiter.at(request).admitted()) {
                clock = Math.max(clock, request);
                admitted[count++] = clock;
            }
        }
        return Arrays.copyOf(admitted, count);
    }

    /**
     * The most admissions in any window {@code (t - w, t]}: a window holds the most when it ends at an admission
     * (moving its end back to the last admission inside loses none), so every admission is tried as the end.
     */
    static int mostInAnyWindow(long[] ascending, long window) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < ascending.length; last++) {
            while (ascending[first] <= ascending[last] - window) {
                first++;
            }
            most = Math.max(most, last - first + 1); // of equal times, the last one counts them all
        }
        return most;
    }

    /**
     * The fewest admissions in a window {@code (t - w, t]} with {@code from <= t <= to}: the count only drops when
     * an admission leaves, at {@code a + w}, so those ends and {@code from} are tried.
     */
    static int leastInAnyFullWindow(long[] ascending, long window, long from, long to) {
        int least = inWindow(ascending, window, from);
        for (long admission : ascending) {
            long end = admission + window;
            if (end >= from && end <= to) {
                least = Math.min(least, inWindow(ascending, window, end));
            }
        }
        return least;
    }

    private static int inWindow(long[] ascending, long window, long end) {
        return upTo(ascending, end) - upTo(ascending, end - window);
    }

    /** How many are at most {@code time}. */
    private static int upTo(long[] ascending, long time) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ascending[middle] <= time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    static long[] requests(Traffic traffic, Random random, int limit, long window, int count) {
        long bucket = SubWindowCounts.bucketMillis(window);
        long[] times = new long[count];
        long[] now = {EPOCH + random.nextLong(window)};
        LongSupplier next = switch (traffic) {
            case BURSTS -> burst(random, limit, window);
            case STEADY -> steady(random, limit, window);
            case GAPS -> () -> random.nextInt(8) > 0 ? random.nextLong(1 + window / limit)
                    : pick(random, window - 1, window, window + 1, bucket, (N + 1) * bucket, (N + 1) * bucket - 1);
            case EDGES -> () -> pick(random, 0, 1, bucket - 1, bucket, bucket + 1, window - 1, window, window + 1,
                    N * bucket, (N + 1) * bucket - 1);
            case CLOCK_STEPS -> {
                LongSupplier underlying = random.nextBoolean() ? burst(random, limit, window)
                        : steady(random, limit, window);
                yield () -> switch (random.nextInt(40)) {
                    case 0 -> -random.nextLong(2 * window); // a member whose clock is behind takes over
                    case 1 -> random.nextLong(window); // and one whose clock is ahead
                    default -> underlying.getAsLong();
                };
            }
        };
        for (int i = 0; i < count; i++) {
            now[0] += next.getAsLong();
            times[i] = now[0];
        }
        return times;
    }

    private static LongSupplier burst(Random random, int limit, long window) {
        int[] left = {0};
        return () -> {
            if (left[0]-- > 0) {
                return random.nextInt(3);
            }
            left[0] = random.nextInt(3 * limit);
            return random.nextLong(2 * window);
        };
    }

    private static LongSupplier steady(Random random, int limit, long window) {
        double gap = window / (limit * (0.5 + 2.5 * random.nextDouble()));
        return () -> Math.round(gap * (0.5 + random.nextDouble()));
    }

    private static long pick(Random random, long... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
