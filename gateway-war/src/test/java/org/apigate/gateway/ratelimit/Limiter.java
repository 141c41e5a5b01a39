package org.apigate.gateway.ratelimit;

/** One key's state run through {@link SubWindowCounts} by hand, as the entry processor would, for tests. */
final class Limiter {

    private final int limit;
    private final long windowMillis;
    private long[] state;

    Limiter(int limit, long windowMillis) {
        this(limit, windowMillis, null);
    }

    Limiter(int limit, long windowMillis, long[] state) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.state = state;
    }

    /** Decides a request at {@code nowMillis} and keeps the resulting state. */
    Decision at(long nowMillis) {
        SubWindowCounts.Outcome outcome = SubWindowCounts.admit(state, nowMillis, limit, windowMillis);
        state = outcome.state();
        return outcome.decision();
    }

    long[] state() {
        return state;
    }

    /**
     * A state as the cache would hold it: {@code newest} is the newest bucket's index, {@code counts} the counts of
     * buckets {@code newest - counts.length + 1 .. newest}, oldest first.
     */
    static long[] state(long newest, long... counts) {
        long[] state = new long[SubWindowCounts.STATE_LENGTH];
        state[0] = newest;
        for (int i = 0; i < counts.length; i++) {
            state[SubWindowCounts.slot(newest - counts.length + 1 + i)] = counts[i];
        }
        return state;
    }
}
