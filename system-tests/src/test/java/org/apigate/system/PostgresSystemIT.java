package org.apigate.system;

import jakarta.json.JsonObject;
import org.apigate.testing.Http;
import org.apigate.testing.PayaraMicro;
import org.apigate.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The user, inventory and order services on the machine's real PostgreSQL, each in its own database, configured
 * the way an operator does it: {@code server-config/postgres/create-databases.sh} makes the databases and roles
 * (here a throw-away set with a random suffix, dropped afterwards), and each Payara Micro gets its post-boot file
 * {@code server-config/micro/postgres-<svc>.asadmin} plus its password in the environment. The migrations must land
 * in each service's own database, an order must go through the saga, and everything must survive restarts.
 */
class PostgresSystemIT {

    private static final Logger LOG = Logger.getLogger(PostgresSystemIT.class.getName());
    private static final Path REPOSITORY = Path.of(System.getProperty("apigate.repository", ".."))
            .toAbsolutePath().normalize();
    private static final Map<String, String> DATABASE = Map.of("user", "users", "inventory", "inventory",
            "order", "orders");

    static LocalPostgres postgres;
    static PayaraMicro user;
    static PayaraMicro inventory;
    static PayaraMicro order;

    @BeforeAll
    static void startServicesOnPostgres() {
        postgres = LocalPostgres.withDatabases(REPOSITORY, "_it" + UUID.randomUUID().toString().substring(0, 8));
        user = onPostgres("user").build().start();
        inventory = onPostgres("inventory").build().start();
        order = onPostgres("order")
                .property("order.user.url", user.url() + "/user")
                .property("order.inventory.url", inventory.url() + "/inventory")
                .build().start();
        for (PayaraMicro instance : instances()) {
            LOG.info(() -> String.format("%s on PostgreSQL ready in %d ms, RSS %d MiB", instance.name(),
                    instance.timeToReady().toMillis(), instance.rssMiB()));
        }
    }

    private static PayaraMicro.Builder onPostgres(String service) {
        // A root directory of its own per run: Payara Micro keeps the post-boot settings in it, and on a later boot
        // redeploys the WAR with them before the post-boot commands run again.
        return Wars.service(PayaraMicro.named(service + "-postgres" + postgres.suffix()), service)
                .postBootCommands(REPOSITORY.resolve("server-config/micro/postgres-" + service + ".asadmin"))
                .environment("APIGATE_DB_SUFFIX", postgres.suffix())
                .environment(service.toUpperCase(Locale.ROOT) + "_DATASOURCE_PASSWORD", postgres.password(service));
    }

    /** The services verify every token themselves: users and stock are set up by an admin. */
    static final Http.Authorized ADMIN = Http.as(Tokens.admin("postgres-admin"));

    private static List<PayaraMicro> instances() {
        return List.of(user, inventory, order);
    }

    @AfterAll
    static void stopServicesAndDropDatabases() {
        try {
            for (PayaraMicro instance : new PayaraMicro[] {order, inventory, user}) {
                if (instance != null) {
                    instance.close();
                }
            }
        } finally {
            if (postgres != null) {
                postgres.drop();
            }
        }
    }

    @Test
    void eachServiceMigratedItsOwnDatabaseAndReportsPostgres() {
        for (PayaraMicro instance : instances()) {
            Http.Reply health = Http.get(instance.url() + "/health/ready");
            assertEquals(200, health.status(), health::toString);
            JsonObject check = health.json().getJsonArray("checks").getJsonObject(0);
            assertEquals("PostgreSQL", check.getJsonObject("data").getString("database"), health::toString);
        }
        for (String service : DATABASE.keySet()) {
            assertEquals("1", postgres.sql(DATABASE.get(service),
                    "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success"), service);
        }
        assertEquals("users", tables("users"));
        assertEquals("items,reservation_lines,reservations", tables("inventory"));
        assertEquals("idempotency_keys,order_lines,orders", tables("orders"));
        assertEquals("1", postgres.sql("orders", "SELECT count(*) FROM flyway_schema_history WHERE version = '2' "
                + "AND success"), "the order service's keys are per caller");
    }

    /**
     * Places the order, retrying while the order service answers 503: right after a start on a busy machine its
     * first calls to the user and inventory services can outlast their timeouts (a 503 stores nothing). The same
     * Idempotency-Key makes every retry the same order.
     */
    private static Http.Reply placeOrder(String json) {
        String key = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plusSeconds(90);
        Http.Reply reply = ADMIN.post(order.url() + "/order/api/orders", json, "Idempotency-Key", key);
        while (reply.status() == 503 && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            reply = ADMIN.post(order.url() + "/order/api/orders", json, "Idempotency-Key", key);
        }
        return reply;
    }

    /** The service's own tables in its database (Flyway's history table left out), sorted, comma-separated. */
    private static String tables(String database) {
        return postgres.sql(database, "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM "
                + "information_schema.tables WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'");
    }

    @Test
    void anOrderPlacedOnPostgresSurvivesARestartOfAllThreeServices() {
        String name = "pg" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply created = ADMIN.post(user.url() + "/user/api/users", "{\"username\":\"" + name
                + "\",\"email\":\"" + name + "@example.org\",\"displayName\":\"" + name + "\"}");
        assertEquals(201, created.status(), created::toString);
        String userId = created.json().getString("id");
        String sku = "SKU-" + name;
        assertEquals(201, ADMIN.put(inventory.url() + "/inventory/api/items/" + sku,
                "{\"name\":\"Widget\",\"available\":10}").status());
        Http.Reply placed = placeOrder("{\"userId\":\"" + userId + "\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":3}]}");
        assertEquals(201, placed.status(), placed::toString);
        String orderId = placed.json().getString("id");

        for (PayaraMicro instance : instances()) {
            instance.close();
        }
        for (PayaraMicro instance : instances()) {
            instance.start();
        }

        assertEquals(name, ADMIN.get(user.url() + "/user/api/users/" + userId).json().getString("username"));
        JsonObject item = ADMIN.get(inventory.url() + "/inventory/api/items/" + sku).json();
        assertEquals(7, item.getInt("available"), item::toString);
        assertEquals(3, item.getInt("reserved"), item::toString);
        assertEquals("CONFIRMED", ADMIN.get(order.url() + "/order/api/orders/" + orderId).json().getString("status"));
        assertEquals("1", postgres.sql("orders", "SELECT count(*) FROM orders WHERE id = '" + orderId + "'"),
                "the order is a row of the order service's database");
    }
}
