package org.apigate.common.persistence;

import jakarta.annotation.PostConstruct;
import org.apigate.common.health.DatabaseHealth;
import org.apigate.common.migration.SchemaMigrator;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import javax.sql.DataSource;

/**
 * What every service does with its own database: migrate the schema at deploy and report readiness on whether the
 * database answers. Each service's subclass carries the data source definition and its lookup, because their
 * configuration keys ({@code <service>.datasource.*}) must be constants in the annotations.
 */
public abstract class ServiceDatabase implements HealthCheck {

    private final String service;

    protected ServiceDatabase(String service) {
        this.service = service;
    }

    /** The data source the subclass injected. */
    protected abstract DataSource dataSource();

    @PostConstruct
    protected void migrate() {
        SchemaMigrator.migrate(dataSource(), service);
    }

    @Override
    public HealthCheckResponse call() {
        return DatabaseHealth.check(service + "-database", dataSource());
    }
}
