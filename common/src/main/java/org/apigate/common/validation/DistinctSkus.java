package org.apigate.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * No SKU twice in one list of lines: a client that means 5 writes 5, inventory holds stock per SKU, and a repeated
 * request could not be compared line by line. Null lists, lines and SKUs are left to their own constraints.
 */
@Documented
@Constraint(validatedBy = DistinctSkusValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctSkus {

    String message() default "must not name the same sku twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
