package org.apigate.inventory.reservation.entity;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reservation lines name each SKU once (two lines for one SKU would be held as two, and a repeat could not be
 * compared with the stored lines), and none is null.
 */
@Documented
@Constraint(validatedBy = DistinctSkusValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctSkus {

    String message() default "must name each sku once, and contain no null lines";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
