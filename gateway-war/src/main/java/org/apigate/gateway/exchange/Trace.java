package org.apigate.gateway.exchange;

import io.opentelemetry.api.trace.Span;

/**
 * The W3C trace context of one exchange: its trace id (for the access log), the {@code traceparent} and
 * {@code tracestate} every upstream call carries, and the gateway's server span - a recorded one when MicroProfile
 * Telemetry is enabled, else a mere carrier of the context - with the span of the stage now running.
 */
public final class Trace {

    private final String traceId;
    private final String traceparent;
    private final String tracestate;
    private final Span span;
    private Span stage;

    public Trace(String traceId, String traceparent, String tracestate, Span span) {
        this.traceId = traceId;
        this.traceparent = traceparent;
        this.tracestate = tracestate;
        this.span = span;
    }

    public String traceId() {
        return traceId;
    }

    public String traceparent() {
        return traceparent;
    }

    /** The {@code tracestate} to forward, or null when there is none. */
    public String tracestate() {
        return tracestate;
    }

    public Span span() {
        return span;
    }

    /** The span of the stage now running, or null. */
    public Span stage() {
        return stage;
    }

    public void stage(Span stage) {
        this.stage = stage;
    }
}
