package org.apigate.common.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Readiness of a service's database: a connection from its pool that answers within two seconds. */
public final class DatabaseHealth {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private DatabaseHealth() {
    }

    public static HealthCheckResponse check(String name, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named(name)
                    .status(connection.isValid(VALIDATION_TIMEOUT_SECONDS))
                    .withData("database", connection.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named(name).down().withData("error", e.getMessage()).build();
        }
    }
}
