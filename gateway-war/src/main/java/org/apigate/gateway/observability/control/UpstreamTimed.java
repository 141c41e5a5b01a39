package org.apigate.gateway.observability.control;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that makes one call to one service instance, {@code (URI instance, UpstreamRequest request, ...)}:
 * its duration goes to the upstream metrics and to the access log of the request being served.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface UpstreamTimed {
}
