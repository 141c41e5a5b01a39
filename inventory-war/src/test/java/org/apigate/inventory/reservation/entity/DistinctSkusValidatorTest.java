package org.apigate.inventory.reservation.entity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistinctSkusValidatorTest {

    final DistinctSkusValidator validator = new DistinctSkusValidator();

    @Test
    void acceptsLinesOfDifferentSkus() {
        assertTrue(validator.isValid(List.of(new Line("A", 1), new Line("B", 1)), null));
    }

    @Test
    void refusesTheSameSkuTwice() {
        assertFalse(validator.isValid(List.of(new Line("A", 1), new Line("B", 2), new Line("A", 3)), null));
    }

    @Test
    void refusesANullLine() {
        assertFalse(validator.isValid(Arrays.asList(new Line("A", 1), null), null));
    }

    @Test
    void leavesMissingListsAndSkusToTheirOwnConstraints() {
        assertTrue(validator.isValid(null, null));
        assertTrue(validator.isValid(List.of(new Line(null, 1), new Line(null, 2)), null));
    }
}
