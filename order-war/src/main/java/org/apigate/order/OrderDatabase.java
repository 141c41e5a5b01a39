package org.apigate.order;

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
 * The order service's own database. Every attribute comes from MicroProfile Config ({@code order.datasource.*}), so
 * an operator switches from the embedded H2 file to PostgreSQL without a rebuild. The schema is migrated at deploy,
 * and readiness reports whether the database answers. Readiness deliberately ignores inventory and user: without
 * them orders can still be read, and placing one answers 503 by itself.
 */
@DataSourceDefinition(
        name = OrderDatabase.JNDI_NAME,
        className = "${MPCONFIG=order.datasource.class:org.h2.jdbcx.JdbcDataSource}",
        url = "${MPCONFIG=order.datasource.url:jdbc:h2:file:./data/order;WRITE_DELAY=0}",
        user = "${MPCONFIG=order.datasource.user:sa}",
        password = "${MPCONFIG=order.datasource.password:sa}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Startup
@Singleton
@Lock(LockType.READ)
@Readiness
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderDatabase implements HealthCheck {

    public static final String JNDI_NAME = "java:app/jdbc/orders";

    /**
     * The data source in use: this WAR's own definition above unless {@code order.datasource.jndi} names a JDBC
     * resource an administrator created (Payara Server pools, see server-config). persistence.xml uses the same key.
     */
    @Resource(lookup = "${MPCONFIG=order.datasource.jndi:" + JNDI_NAME + "}")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrator.migrate(dataSource, "order");
    }

    @Override
    public HealthCheckResponse call() {
        return DatabaseHealth.check("order-database", dataSource);
    }
}
