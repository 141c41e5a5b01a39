package org.apigate.common.persistence;

import java.sql.SQLException;

/** Tells a unique-constraint violation (SQLSTATE 23505, H2 and PostgreSQL alike) from other database failures. */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
