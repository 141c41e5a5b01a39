package org.apigate.gateway.ratelimit;

import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import java.io.Serial;
import java.io.Serializable;

/**
 * Decides one request and records it, atomically, on the member that owns the counter: the read-decide-write of
 * the key's {@link SubWindowCounts} happens inside the cache, never as a get followed by a put. The owner's clock is
 * used, so all gateway instances measure one key's window with one clock. Only an admission writes; a refusal leaves
 * the entry (and its expiry) as it is.
 */
public final class AdmitRequest implements EntryProcessor<String, long[], Decision>, Serializable {

    /** 2: the value became a {@code long[]}; a processor of the sliding-window-log version must not run here. */
    @Serial
    private static final long serialVersionUID = 2L;

    private final int limit;
    private final long windowMillis;

    AdmitRequest(Quota quota) {
        this.limit = quota.limit();
        this.windowMillis = quota.windowMillis();
    }

    @Override
    public Decision process(MutableEntry<String, long[]> entry, Object... arguments) {
        return process(entry, System.currentTimeMillis());
    }

    Decision process(MutableEntry<String, long[]> entry, long nowMillis) {
        long[] state = entry.exists() ? entry.getValue() : null;
        SubWindowCounts.Outcome outcome = SubWindowCounts.admit(state, nowMillis, limit, windowMillis);
        if (outcome.state() != state) {
            entry.setValue(outcome.state());
        }
        return outcome.decision();
    }
}
