package org.apigate.common.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a database failure that says "not now" from a defect: a lock wait that timed out (H2's LOCK_TIMEOUT,
 * PostgreSQL's lock_timeout), a deadlock or serialization failure the database broke by aborting one side, or a lost
 * connection. The same request may succeed a moment later, so it is answered 503 with Retry-After, not 500.
 */
public final class TransientDatabaseFailure {

    /** SQLSTATEs: H2 lock timeout, serialization failure, PostgreSQL deadlock, lock not available, admin shutdown. */
    private static final Set<String> STATES = Set.of("HYT00", "40001", "40P01", "55P03", "57P01");
    /** SQLSTATE class 08: connection exceptions. */
    private static final String CONNECTION_CLASS = "08";

    private TransientDatabaseFailure() {
    }

    /** Whether {@code failure} or any of its causes is such a failure. */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (STATES.contains(sql.getSQLState()) || sql.getSQLState().startsWith(CONNECTION_CLASS))) {
                return true;
            }
        }
        return false;
    }
}
