package org.apigate.gateway.aggregate.entity;

import java.time.Duration;

/**
 * When something must be done, on the JVM's monotonic clock (a wall-clock step must not stretch or cut a timeout).
 * Passed from the request thread to the branch that runs later on another thread, so that time spent waiting for a
 * thread counts too.
 */
public record Deadline(long nanoTime) {

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    /** The time left; zero or negative once the deadline has passed. */
    public Duration left() {
        return Duration.ofNanos(nanoTime - System.nanoTime());
    }

    public Deadline earliest(Deadline other) {
        // compared by difference, as System.nanoTime values must be
        return nanoTime - other.nanoTime <= 0 ? this : other;
    }
}
