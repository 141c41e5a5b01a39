package org.apigate.order.orders.control;

import org.apigate.order.orders.entity.Line;
import org.apigate.order.orders.entity.OrderForm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestFingerprintTest {

    static String of(String userId, Line... lines) {
        return RequestFingerprint.of(new OrderForm(userId, List.of(lines)));
    }

    @Test
    void theSameRequestHasTheSameFingerprint() {
        assertEquals(of("u1", new Line("A", 1), new Line("B", 2)), of("u1", new Line("A", 1), new Line("B", 2)));
    }

    @Test
    void lineOrderDoesNotMatter() {
        assertEquals(of("u1", new Line("A", 1), new Line("B", 2)), of("u1", new Line("B", 2), new Line("A", 1)));
    }

    @Test
    void anyDifferenceInUserSkuOrQuantityMatters() {
        String original = of("u1", new Line("A", 1), new Line("B", 2));

        assertNotEquals(original, of("u2", new Line("A", 1), new Line("B", 2)));
        assertNotEquals(original, of("u1", new Line("A", 1), new Line("C", 2)));
        assertNotEquals(original, of("u1", new Line("A", 1), new Line("B", 3)));
        assertNotEquals(original, of("u1", new Line("A", 1)));
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        assertNotEquals(of("u1", new Line("A", 12)), of("u1", new Line("A1", 2)));
        assertNotEquals(of("u1\",\"A", new Line("B", 1)), of("u1", new Line("A", 1), new Line("B", 1)));
    }

    @Test
    void isAFixedLengthDigestFitForTheColumn() {
        assertTrue(of("u1", new Line("A", 1)).matches("[0-9a-f]{64}"));
    }
}
