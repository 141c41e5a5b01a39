package org.apigate.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

public class DistinctSkusValidator implements ConstraintValidator<DistinctSkus, List<? extends SkuLine>> {

    @Override
    public boolean isValid(List<? extends SkuLine> lines, ConstraintValidatorContext context) {
        if (lines == null) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        return lines.stream().filter(Objects::nonNull).map(SkuLine::sku).filter(Objects::nonNull).allMatch(seen::add);
    }
}
