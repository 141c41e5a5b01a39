package org.apigate.gateway.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds the rate-limit fields to every response of a rate-limited method: a success, the 429, and also an error the
 * method threw (an upstream failure), because a response filter sees the responses of exception mappers too.
 */
@Provider
public class RateLimitHeaders implements ContainerResponseFilter {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        RateLimitOutcome outcome = RateLimitOutcome.of(request);
        if (outcome == null) {
            return;
        }
        MultivaluedMap<String, Object> headers = responseContext.getHeaders();
        headers.putSingle(POLICY, outcome.policyField());
        headers.putSingle(STATE, outcome.stateField());
        if (outcome.retryAfter() != null) {
            headers.putSingle(HttpHeaders.RETRY_AFTER, outcome.retryAfter());
        }
    }
}
