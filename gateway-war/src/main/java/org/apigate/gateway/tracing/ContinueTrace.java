package org.apigate.gateway.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;
import org.apigate.gateway.exchange.Trace;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The tracing stage: the gateway's span for the request, a child of the client's {@code traceparent} when it sent a
 * valid one. With MicroProfile Telemetry enabled the span is recorded ({@link Tracer} from the platform); without it
 * the platform's tracer records nothing and passes the client's context through unchanged, and when the client sent
 * none the gateway starts a trace itself (random ids, sampled), so the services still see one trace per request.
 */
@ApplicationScoped
public class ContinueTrace implements Stage {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String name) {
            return request == null ? null : request.getHeader(name);
        }
    };

    @Inject
    Tracer tracer;

    @Override
    public boolean apply(Exchange exchange) {
        Context parent = W3C.extract(Context.root(), exchange.request(), HEADERS);
        Span span = tracer.spanBuilder(exchange.method() + " gateway").setParent(parent)
                .setSpanKind(SpanKind.SERVER).startSpan();
        if (!span.getSpanContext().isValid()) {
            span = Span.wrap(newTrace());
        }
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(Context.root().with(span), carrier, Map::put);
        exchange.trace(new Trace(span.getSpanContext().getTraceId(), carrier.get("traceparent"),
                carrier.get("tracestate"), span));
        return true;
    }

    private static SpanContext newTrace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return SpanContext.create(TraceId.fromLongs(random.nextLong(), random.nextLong() | 1),
                SpanId.fromLong(random.nextLong() | 1), TraceFlags.getSampled(), TraceState.getDefault());
    }
}
