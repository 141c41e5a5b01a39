package org.apigate.gateway.ratelimit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.observability.control.GatewayMetrics;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.reflect.Method;

/**
 * Counts each call of a {@link RateLimited} method against the caller's quota and refuses it with 429 when the
 * quota is used up. It runs inside the resource invocation, so after authentication and the role check: a request
 * without a valid token never reaches it and never consumes quota. A call without an authenticated subject (a
 * method open to anonymous callers) is not counted.
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RateLimitInterceptor {

    @Inject
    JsonWebToken caller;

    @Inject
    QuotaSettings settings;

    @Inject
    RateLimitCounters counters;

    @Inject
    HttpServletRequest request;

    @Inject
    GatewayMetrics metrics;

    @AroundInvoke
    public Object limit(InvocationContext invocation) throws Exception {
        String subject = caller.getSubject();
        if (subject == null) {
            return invocation.proceed();
        }
        Quota quota = settings.quota(policyOf(invocation.getMethod()));
        Decision decision = counters.admit(subject, quota);
        RateLimitOutcome.remember(request, quota, decision);
        if (!decision.admitted()) {
            metrics.rateLimited(quota.policy());
            throw new ProblemException(Problem.typed(429, "rate-limited", "Too Many Requests",
                    "The quota of " + quota.limit() + " requests per " + quota.windowSeconds() + " s (policy \""
                            + quota.policy() + "\") is used up; retry in " + decision.resetSeconds() + " s."));
        }
        return invocation.proceed();
    }

    /** The policy named on the method, else on its class (the binding's value is not part of the binding). */
    private static String policyOf(Method method) {
        RateLimited annotation = method.getAnnotation(RateLimited.class);
        if (annotation == null) {
            annotation = method.getDeclaringClass().getAnnotation(RateLimited.class);
        }
        return annotation == null ? Quota.DEFAULT_POLICY : annotation.value();
    }
}
