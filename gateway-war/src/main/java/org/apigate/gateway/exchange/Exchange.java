package org.apigate.gateway.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One client request while the gateway serves it. Each stage fills in what it found out - the request id, where the
 * request comes from, its canonical target, its route, the caller, the headers the gateway adds to the answer, the
 * answer itself - and later stages and the listeners read it. Confined to the request's thread.
 */
public final class Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final long startNanos;
    private final Map<String, String> gatewayHeaders = new LinkedHashMap<>(8);
    private String requestId;
    private Origin origin;
    private RequestTarget target;
    private Route route;
    private Caller caller = Caller.ANONYMOUS;
    private byte[] bufferedBody;
    private Reply reply;
    private URI instance;
    private long upstreamNanos = -1;
    private int status;
    private boolean corsByGateway;
    private String policy;
    private Trace trace;

    public Exchange(HttpServletRequest request, HttpServletResponse response, long startNanos) {
        this.request = request;
        this.response = response;
        this.startNanos = startNanos;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    public String method() {
        return request.getMethod();
    }

    public long startNanos() {
        return startNanos;
    }

    public String requestId() {
        return requestId;
    }

    public void requestId(String requestId) {
        this.requestId = requestId;
        gatewayHeaders.put("X-Request-Id", requestId);
    }

    public Origin origin() {
        return origin;
    }

    public void origin(Origin origin) {
        this.origin = origin;
    }

    /** The canonical target, or null before it was parsed (or when it could not be). */
    public RequestTarget target() {
        return target;
    }

    public void target(RequestTarget target) {
        this.target = target;
    }

    /** The route, or null before it was matched (or when none matches). */
    public Route route() {
        return route;
    }

    public void route(Route route) {
        this.route = route;
    }

    /** The target as forwarded: the route's public prefix replaced by its upstream prefix. */
    public RequestTarget upstreamTarget() {
        return target.replacePrefix(route.prefix(), route.upstreamPrefix());
    }

    public Caller caller() {
        return caller;
    }

    public void caller(Caller caller) {
        this.caller = caller;
    }

    /**
     * The request body read whole into memory (at most {@code limit} bytes, else 413), for a rule that must judge it
     * before it is forwarded; later calls return the same bytes, and the forward sends them instead of the stream.
     */
    public byte[] bufferBody(long limit) throws IOException {
        if (bufferedBody == null) {
            bufferedBody = BodyReader.read(request.getInputStream(), request.getContentLengthLong(), limit);
        }
        return bufferedBody;
    }

    /** The body as {@link #bufferBody} read it, or null when nothing read it (it is still to be streamed). */
    public byte[] bufferedBody() {
        return bufferedBody;
    }

    /**
     * Headers the gateway sets on the answer, whatever it is - a service's, a composed one or a problem - replacing
     * any the answer has under the same names: request id, rate-limit fields, CORS, challenges.
     */
    public Map<String, String> gatewayHeaders() {
        return gatewayHeaders;
    }

    public Reply reply() {
        return reply;
    }

    /** Sets the answer; a previous one (e.g. a service's answer replaced by a problem) is released. */
    public void reply(Reply reply) {
        if (this.reply != null && this.reply != reply) {
            this.reply.close();
        }
        this.reply = reply;
    }

    /** The service instance that answered, or null when none did. */
    public URI instance() {
        return instance;
    }

    public void instance(URI instance) {
        this.instance = instance;
    }

    /** Adds the time of calls to services made on the request's thread for this request. */
    public void upstreamCall(long nanos) {
        upstreamNanos = Math.max(upstreamNanos, 0) + nanos;
    }

    /** Time spent in calls to services on the request's thread, or -1 when none was made. */
    public long upstreamNanos() {
        return upstreamNanos;
    }

    /** The status the client got; 0 while nothing was answered. */
    public int status() {
        return status;
    }

    public void status(int status) {
        this.status = status;
    }

    /**
     * Whether this is a CORS preflight: {@code OPTIONS} with {@code Origin} and
     * {@code Access-Control-Request-Method} (Fetch standard), which carries no credentials.
     */
    public boolean isPreflight() {
        return "OPTIONS".equals(method()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    /** Whether the gateway answers CORS itself: a service's own {@code Access-Control-*} headers are then dropped. */
    public boolean corsByGateway() {
        return corsByGateway;
    }

    public void corsByGateway(boolean corsByGateway) {
        this.corsByGateway = corsByGateway;
    }

    /** The rate-limit policy the request was counted under, or null when it was not counted. */
    public String policy() {
        return policy;
    }

    public void policy(String policy) {
        this.policy = policy;
    }

    /** The trace this request belongs to, or null before the tracing stage ran. */
    public Trace trace() {
        return trace;
    }

    public void trace(Trace trace) {
        this.trace = trace;
    }

    /** Ends the exchange: releases the reply's connection, if any. */
    public void close() {
        if (reply != null) {
            reply.close();
        }
    }
}
