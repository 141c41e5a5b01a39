package org.apigate.gateway.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.ExchangeListener;
import org.apigate.gateway.exchange.StageListener;
import org.apigate.gateway.exchange.Trace;

/**
 * Makes a span of each pipeline stage, a child of the request's span, and ends the request's span with its route and
 * status - only while the request's span is recorded (MicroProfile Telemetry enabled); otherwise it costs a check.
 */
@ApplicationScoped
public class SpanRecorder implements StageListener, ExchangeListener {

    @Inject
    Tracer tracer;

    @Override
    public void entered(Exchange exchange, String stage) {
        Trace trace = exchange.trace();
        if (trace != null && trace.span().isRecording()) {
            trace.stage(tracer.spanBuilder(stage).setParent(Context.root().with(trace.span())).startSpan());
        }
    }

    @Override
    public void left(Exchange exchange, String stage, Throwable failure) {
        Trace trace = exchange.trace();
        if (trace != null && trace.stage() != null) {
            if (failure != null) {
                trace.stage().setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            trace.stage().end();
            trace.stage(null);
        }
    }

    @Override
    public void completed(Exchange exchange) {
        Trace trace = exchange.trace();
        if (trace == null || !trace.span().isRecording()) {
            return;
        }
        Span span = trace.span();
        span.setAttribute("http.status_code", exchange.status());
        if (exchange.route() != null) {
            span.setAttribute("http.route", exchange.route().name());
            span.updateName(exchange.method() + " " + exchange.route().name());
        }
        if (exchange.status() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
