package org.apigate.common.validation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistinctSkusValidatorTest {

    record Line(String sku) implements SkuLine {
    }

    final DistinctSkusValidator validator = new DistinctSkusValidator();

    @Test
    void acceptsLinesOfDifferentSkus() {
        assertTrue(validator.isValid(List.of(new Line("A"), new Line("B")), null));
    }

    @Test
    void refusesTheSameSkuTwice() {
        assertFalse(validator.isValid(List.of(new Line("A"), new Line("B"), new Line("A")), null));
    }

    @Test
    void leavesMissingListsLinesAndSkusToTheirOwnConstraints() {
        assertTrue(validator.isValid(null, null));
        assertTrue(validator.isValid(Arrays.asList(new Line("A"), null), null));
        assertTrue(validator.isValid(List.of(new Line(null), new Line(null)), null));
    }
}
