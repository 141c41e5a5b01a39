package org.apigate.common.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientDatabaseFailureTest {

    @Test
    void lockTimeoutsDeadlocksAndLostConnectionsAreTransientAnywhereInTheChain() {
        assertTrue(TransientDatabaseFailure.in(wrapped(new SQLException("Timeout trying to lock table", "HYT00"))));
        assertTrue(TransientDatabaseFailure.in(wrapped(new SQLException("could not obtain lock", "55P03"))));
        assertTrue(TransientDatabaseFailure.in(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(TransientDatabaseFailure.in(wrapped(new SQLException("could not serialize", "40001"))));
        assertTrue(TransientDatabaseFailure.in(wrapped(new SQLException("connection refused", "08001"))));
        assertTrue(TransientDatabaseFailure.in(wrapped(new SQLTransactionRollbackException("rolled back"))));
    }

    @Test
    void constraintViolationsAndOtherFailuresAreNot() {
        assertFalse(TransientDatabaseFailure.in(wrapped(new SQLException("dup", "23505"))));
        assertFalse(TransientDatabaseFailure.in(wrapped(new SQLException("syntax", "42601"))));
        assertFalse(TransientDatabaseFailure.in(wrapped(new SQLException("no state"))));
        assertFalse(TransientDatabaseFailure.in(new IllegalStateException("no cause")));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("transaction failed", new IllegalStateException(cause));
    }
}
