package org.apigate.gateway.ratelimit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.Caller;
import org.apigate.gateway.exchange.Exchange;

import java.util.Map;

/**
 * Counts each call of a {@link RateLimited} method - whose first parameter is the {@link Exchange} being served -
 * against the caller's quota, and refuses it with 429 when the quota is used up. The route's policy applies: per
 * subject to an authenticated caller, per client address to anyone else on a public route. On a route that needs a
 * token, a request without a valid one counts per client address under {@code anonymous} before it is refused - so
 * missing and forged tokens cost a quota too. Every answer carries {@code RateLimit-Policy} and {@code RateLimit}, a
 * refused one also {@code Retry-After}.
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RateLimitInterceptor {

    static final String ANONYMOUS = "anonymous";

    @Inject
    QuotaSettings quotas;

    @Inject
    RateLimitCounters counters;

    @AroundInvoke
    public Object limit(InvocationContext invocation) throws Exception {
        Exchange exchange = (Exchange) invocation.getParameters()[0];
        Caller caller = exchange.caller();
        String policy;
        String key;
        if (caller.authenticated()) {
            policy = exchange.route().policy();
            key = "sub=" + caller.subject();
        } else {
            policy = exchange.route().isPublic() ? exchange.route().policy() : ANONYMOUS;
            key = "addr=" + exchange.origin().client();
        }
        Quota quota = quotas.quota(policy);
        Decision decision = counters.admit(key, quota);
        RateLimitOutcome outcome = new RateLimitOutcome(quota, decision);
        exchange.policy(policy);
        Map<String, String> headers = exchange.gatewayHeaders();
        headers.put(RateLimitOutcome.POLICY, outcome.policyField());
        headers.put(RateLimitOutcome.STATE, outcome.stateField());
        if (!decision.admitted()) {
            headers.put("Retry-After", outcome.retryAfter());
            throw new ProblemException(Problem.typed(429, "rate-limited", "Too Many Requests",
                    "The quota of " + quota.limit() + " requests per " + quota.windowSeconds() + " s (policy \""
                            + quota.policy() + "\") is used up; retry in " + decision.resetSeconds() + " s."));
        }
        return invocation.proceed();
    }
}
