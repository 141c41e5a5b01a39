/**
 * Distributed tracing with W3C trace context: a request's {@code traceparent}/{@code tracestate} are continued, or a
 * new trace is started, and every call the gateway makes for the request carries the context on - proxied requests,
 * each overview branch, ownership lookups. With MicroProfile Telemetry enabled ({@code otel.sdk.disabled=false} and
 * an exporter, e.g. OTLP) the gateway's request and each of its pipeline stages are spans; without it the context is
 * still passed on, so services that trace see one trace. The trace id is in the access log line.
 */
package org.apigate.gateway.tracing;
