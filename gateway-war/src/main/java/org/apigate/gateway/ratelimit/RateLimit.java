package org.apigate.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;

/**
 * The rate-limit stage. The decision is the {@link RateLimited} interceptor's ({@link RateLimitInterceptor}, counters
 * in JCache): it lets the call reach this method only when the request is within its quota, and answers 429
 * otherwise - so the stage itself has nothing left to do. An application-scoped bean: the interceptor costs one
 * call per request, not a bean.
 */
@ApplicationScoped
public class RateLimit implements Stage {

    @Override
    @RateLimited
    public boolean apply(Exchange exchange) {
        return true;
    }
}
