package org.apigate.gateway.ratelimit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one authenticated subject may call the annotated resource method (or every method of the
 * annotated class). {@link #value()} names the policy whose quota and window are read from MicroProfile Config:
 * {@code gateway.ratelimit.<policy>.limit} / {@code .window}, falling back to {@code gateway.ratelimit.limit} /
 * {@code gateway.ratelimit.window}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {

    /** The policy name; it appears in the {@code RateLimit-Policy} and {@code RateLimit} headers. */
    @Nonbinding
    String value() default "default";
}
