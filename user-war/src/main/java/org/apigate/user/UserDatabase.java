package org.apigate.user;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.apigate.common.health.DatabaseHealth;
import org.apigate.common.migration.SchemaMigrator;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

/**
 * The user service's own database. Every attribute comes from MicroProfile Config ({@code user.datasource.*}), so
 * an operator switches from the embedded H2 file to PostgreSQL without a rebuild. The schema is migrated at deploy,
 * and readiness reports whether the database answers.
 */
@DataSourceDefinition(
        name = UserDatabase.JNDI_NAME,
        className = "${MPCONFIG=user.datasource.class:org.h2.jdbcx.JdbcDataSource}",
        url = "${MPCONFIG=user.datasource.url:jdbc:h2:file:./data/user;WRITE_DELAY=0}",
        user = "${MPCONFIG=user.datasource.user:sa}",
        password = "${MPCONFIG=user.datasource.password:sa}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Startup
@Singleton
@Lock(LockType.READ)
@Readiness
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserDatabase implements HealthCheck {

    public static final String JNDI_NAME = "java:app/jdbc/users";

    /**
     * The data source in use: this WAR's own definition above unless {@code user.datasource.jndi} names a JDBC
     * resource an administrator created (Payara Server pools, see server-config). persistence.xml uses the same key.
     */
    @Resource(lookup = "${MPCONFIG=user.datasource.jndi:" + JNDI_NAME + "}")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrator.migrate(dataSource, "user");
    }

    @Override
    public HealthCheckResponse call() {
        return DatabaseHealth.check("user-database", dataSource);
    }
}
