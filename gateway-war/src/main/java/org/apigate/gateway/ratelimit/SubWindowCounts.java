package org.apigate.gateway.ratelimit;

/**
 * The rate-limit algorithm: sliding sub-window counters, counted conservatively. The window {@code w} is split into
 * {@value #BUCKETS} buckets of width {@code b = ceil(w / N)}; a key's state is the admissions per bucket for the newest
 * {@code N + 1} buckets. A request in bucket {@code k} is admitted iff buckets {@code k-N..k} hold fewer than
 * {@code q} admissions. They cover {@code (t - w, t]} and up to one bucket more: admissions still counted a little
 * after they left the window are the price of a state of fixed size, whatever {@code q} is.
 * <p>
 * Guarantee - no window of length {@code w}, wherever it starts, holds more than {@code q} admissions. Proof: let
 * admission {@code i} at {@code t_i} (bucket {@code k}, so {@code t_i >= k·b}) be the last one in a window
 * {@code (s - w, s]}. Every other admission there came earlier, at a time {@code > s - w >= t_i - w >= (k - N)·b}
 * (as {@code N·b >= w}), so in one of the buckets {@code k-N..k}, which were all counted when {@code i} was decided.
 * {@code i} was admitted because that count was below {@code q}: the window holds at most {@code (q - 1) + 1}.
 * <p>
 * Times are on the limiter's clock, which never goes back: a request whose clock is behind the newest bucket (another
 * member took over the key) counts in the newest bucket, so the buckets' order stays the admissions' order.
 * <p>
 * State: one {@code long[]} of {@value #STATE_LENGTH} - the index ({@code t / b}) of the newest bucket, then the
 * {@code N + 1} counts as a ring, bucket {@code j} at {@code 1 + j mod (N + 1)}. A {@code long[]} because Hazelcast
 * serializes it natively, and because counts then never overflow, however many requests a quota of 10^9 lets in.
 * Never modified in place: a state read from the cache may be shared.
 */
final class SubWindowCounts {

    /**
     * N. A request may be refused while up to one bucket's worth of older admissions is still counted, so a client
     * sending steadily at its quota gets at least {@code q - ceil(q/N)} of it in every window: 20 buckets keep that
     * loss at 5 % of a large quota (one request per window below q = 20), the state at 22 longs (176 bytes per key)
     * and the work per request at 21 additions. More buckets would buy little precision for more state on every
     * key. The width is at least 50 ms (w = 1 s).
     */
    static final int BUCKETS = 20;
    /** The counted buckets {@code k-N..k}. */
    static final int SLOTS = BUCKETS + 1;
    static final int STATE_LENGTH = SLOTS + 1;
    private static final int NEWEST = 0;

    private SubWindowCounts() {
    }

    /** The state after a request and the decision for it; the state is the given one when nothing changed. */
    record Outcome(long[] state, Decision decision) {
    }

    static long bucketMillis(long windowMillis) {
        return (windowMillis + BUCKETS - 1) / BUCKETS;
    }

    /**
     * Decides a request at {@code nowMillis} against {@code limit} admissions per {@code windowMillis}. A refusal
     * changes nothing (the caller need not write), an admission returns a new array. The decision's seconds count
     * from {@code nowMillis}, even when it is behind the newest bucket: they are how long this clock must wait.
     *
     * @param state the key's state, or null when it has none (or an unusable one, which is treated as none)
     */
    static Outcome admit(long[] state, long nowMillis, int limit, long windowMillis) {
        long width = bucketMillis(windowMillis);
        boolean known = state != null && state.length == STATE_LENGTH;
        long current = Math.floorDiv(nowMillis, width);
        if (known) {
            current = Math.max(current, state[NEWEST]);
        }
        long[] counts = known ? state : null;
        long counted = sum(counts, current);
        boolean admitted = counted < limit;
        if (admitted) {
            counts = advancedTo(counts, current);
            counts[slot(current)]++;
            counted++;
        }
        int remaining = (int) Math.max(0, limit - counted);
        long resetMillis = (bucketLeaving(counts, current, counted, Math.min(counted, limit)) + SLOTS) * width
                - nowMillis;
        Decision decision = new Decision(admitted, remaining, (resetMillis + 999) / 1000);
        return new Outcome(admitted ? counts : state, decision);
    }

    /** The admissions counted for a request in bucket {@code current}: buckets {@code current-N..current}. */
    private static long sum(long[] counts, long current) {
        long sum = 0;
        for (long bucket = current - BUCKETS; bucket <= current; bucket++) {
            sum += count(counts, bucket);
        }
        return sum;
    }

    /**
     * The bucket whose leaving the counted span brings its sum ({@code counted}) below {@code target}: for a
     * refusal {@code q} (then the next request fits: Retry-After), for an admission the sum itself (a unit comes
     * back). It leaves when bucket {@code leaving + N + 1} begins.
     */
    private static long bucketLeaving(long[] counts, long current, long counted, long target) {
        long rest = counted;
        long bucket = current - BUCKETS;
        while (bucket < current) {
            rest -= count(counts, bucket);
            if (rest < target) {
                return bucket;
            }
            bucket++;
        }
        return current; // target >= 1, so the sum without every bucket (0) is below it
    }

    /** Admissions in {@code bucket}: zero outside the newest {@code N + 1} buckets, newer ones included. */
    private static long count(long[] counts, long bucket) {
        if (counts == null) {
            return 0;
        }
        long newest = counts[NEWEST];
        return bucket > newest || bucket < newest - BUCKETS ? 0 : counts[slot(bucket)];
    }

    /** A copy whose newest bucket is {@code current}, with the slots of the buckets that began since emptied. */
    private static long[] advancedTo(long[] counts, long current) {
        long[] next = counts == null ? new long[STATE_LENGTH] : counts.clone();
        if (counts != null) {
            for (long bucket = Math.max(counts[NEWEST] + 1, current - BUCKETS); bucket <= current; bucket++) {
                next[slot(bucket)] = 0;
            }
        }
        next[NEWEST] = current;
        return next;
    }

    static int slot(long bucket) {
        return 1 + Math.floorMod(bucket, SLOTS);
    }
}
