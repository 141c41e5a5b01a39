package org.apigate.inventory.reservation.entity;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

public class DistinctSkusValidator implements ConstraintValidator<DistinctSkus, List<Line>> {

    /** A missing list is {@code @NotNull}'s to report, a missing sku {@link Line}'s. */
    @Override
    public boolean isValid(List<Line> lines, ConstraintValidatorContext context) {
        if (lines == null) {
            return true;
        }
        Set<String> skus = new HashSet<>();
        for (Line line : lines) {
            if (line == null || line.sku() != null && !skus.add(line.sku())) {
                return false;
            }
        }
        return true;
    }
}
