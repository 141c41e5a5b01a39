package org.apigate.gateway.ratelimit;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The admission times (epoch milliseconds, ascending) of one subject under one policy that may still lie within
 * the window. Immutable and serializable: it is the value of a cache entry.
 */
public final class SlidingWindowLog implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final SlidingWindowLog EMPTY = new SlidingWindowLog(new long[0]);

    private final long[] admissions;

    private SlidingWindowLog(long[] admissions) {
        this.admissions = admissions;
    }

    /** The log after a request at {@code nowMillis} and the decision for it. */
    record Outcome(SlidingWindowLog log, Decision decision) {
    }

    /**
     * Admits the request iff fewer than {@code limit} admissions lie within the window {@code (now - w, now]}.
     * The returned log is this one when nothing changed (a refusal with nothing expired), so callers can skip the
     * write.
     */
    Outcome admit(long nowMillis, int limit, long windowMillis) {
        // a clock that steps back (another member took over the key) must not unsort the log
        long now = admissions.length == 0 ? nowMillis : Math.max(nowMillis, admissions[admissions.length - 1]);
        long[] live = within(now - windowMillis);
        if (live.length < limit) {
            long[] next = Arrays.copyOf(live, live.length + 1);
            next[live.length] = now;
            return new Outcome(new SlidingWindowLog(next),
                    new Decision(true, limit - next.length, secondsUntil(next[0] + windowMillis, now)));
        }
        // the request fits once all but limit - 1 of the live admissions have left the window
        long freed = live[live.length - limit] + windowMillis;
        SlidingWindowLog log = live.length == admissions.length ? this : new SlidingWindowLog(live);
        return new Outcome(log, new Decision(false, 0, secondsUntil(freed, now)));
    }

    int size() {
        return admissions.length;
    }

    /** The admissions after {@code cutoff} (an admission at exactly {@code now - w} has left the window). */
    private long[] within(long cutoff) {
        int first = 0;
        while (first < admissions.length && admissions[first] <= cutoff) {
            first++;
        }
        return first == 0 ? admissions : Arrays.copyOfRange(admissions, first, admissions.length);
    }

    /** Whole seconds, rounded up, so that a client waiting that long is never early. */
    private static long secondsUntil(long instant, long now) {
        return (instant - now + 999) / 1000;
    }
}
