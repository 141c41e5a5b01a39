package org.apigate.inventory;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.apigate.common.persistence.ServiceDatabase;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

/**
 * The inventory service's own database. Every attribute comes from MicroProfile Config
 * ({@code inventory.datasource.*}), so an operator switches from the embedded H2 file to PostgreSQL without a
 * rebuild. The schema is migrated at deploy, and readiness reports whether the database answers.
 * <p>
 * The H2 default waits up to 10 s for a row lock instead of H2's 2 s: reservations of one popular SKU queue on
 * its row, and under load a short wait would fail requests that only had to wait their turn (PostgreSQL waits
 * without limit by default).
 */
@DataSourceDefinition(
        name = InventoryDatabase.JNDI_NAME,
        className = "${MPCONFIG=inventory.datasource.class:org.h2.jdbcx.JdbcDataSource}",
        url = "${MPCONFIG=inventory.datasource.url:jdbc:h2:file:./data/inventory;LOCK_TIMEOUT=10000;WRITE_DELAY=0}",
        user = "${MPCONFIG=inventory.datasource.user:sa}",
        password = "${MPCONFIG=inventory.datasource.password:sa}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Startup
@Singleton
@Lock(LockType.READ)
@Readiness
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// HealthCheck again here: a session bean's business interfaces are those its own class implements, and MP Health
// looks the check up by that type.
public class InventoryDatabase extends ServiceDatabase implements HealthCheck {

    public static final String JNDI_NAME = "java:app/jdbc/inventory";

    /**
     * The data source in use: this WAR's own definition above unless {@code inventory.datasource.jndi} names a JDBC
     * resource an administrator created (Payara Server pools, see server-config). persistence.xml uses the same key.
     */
    @Resource(lookup = "${MPCONFIG=inventory.datasource.jndi:" + JNDI_NAME + "}")
    DataSource dataSource;

    public InventoryDatabase() {
        super("inventory");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
