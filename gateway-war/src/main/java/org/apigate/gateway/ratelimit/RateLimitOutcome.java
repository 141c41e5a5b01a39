package org.apigate.gateway.ratelimit;

import jakarta.servlet.ServletRequest;

/**
 * What the rate limiter decided for the current request, kept as a request attribute from the interceptor to the
 * response filter, and rendered as the draft-ietf-httpapi-ratelimit-headers-11 fields.
 */
record RateLimitOutcome(Quota quota, Decision decision) {

    private static final String ATTRIBUTE = RateLimitOutcome.class.getName();

    static void remember(ServletRequest request, Quota quota, Decision decision) {
        request.setAttribute(ATTRIBUTE, new RateLimitOutcome(quota, decision));
    }

    /** The outcome of the current request, or null when no rate-limited method decided it. */
    static RateLimitOutcome of(ServletRequest request) {
        return (RateLimitOutcome) request.getAttribute(ATTRIBUTE);
    }

    /** {@code RateLimit-Policy: "<policy>";q=<quota>;w=<window s>}. */
    String policyField() {
        return "\"" + quota.policy() + "\";q=" + quota.limit() + ";w=" + quota.windowSeconds();
    }

    /** {@code RateLimit: "<policy>";r=<remaining>;t=<seconds until a unit comes back>}. */
    String stateField() {
        return "\"" + quota.policy() + "\";r=" + decision.remaining() + ";t=" + decision.resetSeconds();
    }

    /** {@code Retry-After} in seconds, or null for an admitted request. */
    String retryAfter() {
        return decision.admitted() ? null : String.valueOf(decision.resetSeconds());
    }
}
