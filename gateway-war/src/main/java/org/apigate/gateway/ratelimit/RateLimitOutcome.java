package org.apigate.gateway.ratelimit;

/**
 * What the rate limiter decided for a request, rendered as the draft-ietf-httpapi-ratelimit-headers-11 fields.
 */
record RateLimitOutcome(Quota quota, Decision decision) {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";

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
