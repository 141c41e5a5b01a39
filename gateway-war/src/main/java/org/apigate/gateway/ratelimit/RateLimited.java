package org.apigate.gateway.ratelimit;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often a caller may pass the annotated method, whose first parameter is the
 * {@link org.apigate.gateway.exchange.Exchange} being served: its route names the policy, whose quota and window
 * are read from MicroProfile Config ({@code gateway.ratelimit.<policy>.limit} / {@code .window}, falling back to
 * {@code gateway.ratelimit.limit} / {@code gateway.ratelimit.window}). See {@link RateLimitInterceptor}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {
}
