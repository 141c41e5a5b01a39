package org.apigate.common.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstraintsTest {

    @Test
    void findsAUniqueViolationAnywhereInTheCauseChain() {
        RuntimeException wrapped = new RuntimeException(new IllegalStateException(new SQLException("dup", "23505")));
        assertTrue(Constraints.isUniqueViolation(wrapped));
    }

    @Test
    void otherDatabaseFailuresAreNotUniqueViolations() {
        assertFalse(Constraints.isUniqueViolation(new RuntimeException(new SQLException("conversion", "22018"))));
        assertFalse(Constraints.isUniqueViolation(new RuntimeException("no cause")));
    }
}
