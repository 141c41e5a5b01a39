package org.apigate.order.orders.entity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistinctSkusValidatorTest {

    final DistinctSkusValidator validator = new DistinctSkusValidator();

    @Test
    void acceptsDistinctSkus() {
        assertTrue(validator.isValid(List.of(new Line("A", 1), new Line("B", 1)), null));
    }

    @Test
    void rejectsTheSameSkuTwiceWhateverTheQuantities() {
        assertFalse(validator.isValid(List.of(new Line("A", 1), new Line("B", 1), new Line("A", 3)), null));
    }

    @Test
    void skusDifferingInCaseAreDifferentSkus() {
        assertTrue(validator.isValid(List.of(new Line("a", 1), new Line("A", 1)), null));
    }

    @Test
    void leavesMissingListsLinesAndSkusToTheirOwnConstraints() {
        assertTrue(validator.isValid(null, null));
        assertTrue(validator.isValid(Arrays.asList(null, new Line(null, 1), new Line(null, 2), new Line("A", 1)), null));
    }
}
