package org.apigate.order.orders.entity;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * No SKU twice in one order: a client that means 5 writes 5, and inventory reserves per SKU, so a duplicate would
 * be ambiguous. Null lines and SKUs are left to their own constraints.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctSkusValidator.class)
public @interface DistinctSkus {

    String message() default "must not name the same sku twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
