package org.apigate.gateway.observability.control;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.net.URI;

/** Times each {@link UpstreamTimed} call, including the ones that fail or time out. */
@UpstreamTimed
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class UpstreamTiming {

    @Inject
    GatewayMetrics metrics;

    @AroundInvoke
    public Object time(InvocationContext invocation) throws Exception {
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            long nanos = System.nanoTime() - start;
            URI instance = null;
            UpstreamRequest request = null;
            for (Object parameter : invocation.getParameters()) {
                if (parameter instanceof URI uri) {
                    instance = uri;
                } else if (parameter instanceof UpstreamRequest upstreamRequest) {
                    request = upstreamRequest;
                }
            }
            if (instance != null && request != null) {
                metrics.upstreamCall(request.service(), instance, nanos);
            }
            Exchange.addUpstream(nanos);
        }
    }
}
