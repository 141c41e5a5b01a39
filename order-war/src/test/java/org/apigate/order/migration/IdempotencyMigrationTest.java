package org.apigate.order.migration;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * V2 on a database that V1 left with orders and Idempotency-Keys: every key keeps its order and fingerprint and
 * belongs to the order's user from then on, and one key text may then serve two callers - but one caller only once.
 */
class IdempotencyMigrationTest {

    final JdbcDataSource database = new JdbcDataSource();

    IdempotencyMigrationTest() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
    }

    void migrateTo(String version) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(version).load().migrate();
    }

    void sql(String statement) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    String single(String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void existingKeysBelongToTheirOrdersUsers() throws SQLException {
        migrateTo("1");
        sql("INSERT INTO orders (id, user_id, status, release_pending, created_at, updated_at, version) "
                + "VALUES ('o-1', 'user-1', 'CONFIRMED', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        sql("INSERT INTO idempotency_keys (idem_key, fingerprint, order_id, created_at) "
                + "VALUES ('k-1', 'f-1', 'o-1', CURRENT_TIMESTAMP)");

        migrateTo("2");

        assertEquals("user-1", single("SELECT subject FROM idempotency_keys WHERE idem_key = 'k-1'"));
        assertEquals("o-1", single("SELECT order_id FROM idempotency_keys WHERE idem_key = 'k-1'"));
        assertEquals("f-1", single("SELECT fingerprint FROM idempotency_keys WHERE idem_key = 'k-1'"));
        sql("INSERT INTO idempotency_keys (subject, idem_key, fingerprint, order_id, created_at) "
                + "VALUES ('user-2', 'k-1', 'f-2', 'o-1', CURRENT_TIMESTAMP)");
        assertThrows(SQLException.class, () -> sql("INSERT INTO idempotency_keys "
                + "(subject, idem_key, fingerprint, order_id, created_at) "
                + "VALUES ('user-1', 'k-1', 'f-3', 'o-1', CURRENT_TIMESTAMP)"), "one caller, one key");
        assertThrows(SQLException.class, () -> sql("INSERT INTO idempotency_keys "
                + "(subject, idem_key, fingerprint, order_id, created_at) "
                + "VALUES ('user-3', 'k-2', 'f-4', 'no-such-order', CURRENT_TIMESTAMP)"), "still tied to orders");
    }
}
