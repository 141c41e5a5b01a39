package org.apigate.gateway.ratelimit;

import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import java.io.Serial;
import java.io.Serializable;

/**
 * Decides one request and records it, atomically, on the member that owns the counter: the read-decide-write of
 * the sliding-window log happens inside the cache, never as a get followed by a put. The owner's clock is used,
 * so all gateway instances measure one key's window with one clock.
 */
public final class AdmitRequest implements EntryProcessor<String, SlidingWindowLog, Decision>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int limit;
    private final long windowMillis;

    AdmitRequest(Quota quota) {
        this.limit = quota.limit();
        this.windowMillis = quota.windowMillis();
    }

    @Override
    public Decision process(MutableEntry<String, SlidingWindowLog> entry, Object... arguments) {
        SlidingWindowLog log = entry.exists() ? entry.getValue() : SlidingWindowLog.EMPTY;
        SlidingWindowLog.Outcome outcome = log.admit(System.currentTimeMillis(), limit, windowMillis);
        if (outcome.log() != log) {
            entry.setValue(outcome.log());
        }
        return outcome.decision();
    }
}
