package org.apigate.system.server;

import jakarta.json.JsonObject;
import org.apigate.testing.Command;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * apigate on a full Payara Server, set up the way docs/operations.md tells an operator: the distribution Maven fetched,
 * unpacked afresh; {@code create-databases.sh} on a private PostgreSQL; {@code setup-domain.sh}, which makes the
 * domain loopback-only, creates and pings one JDBC pool per service, sets the MicroProfile Config and deploys the
 * four WARs. All of it inside a network namespace with only a loopback interface. One domain for the whole class
 * (a start and four deployments take minutes on this machine); the tests only read, or restore what they change.
 */
class PayaraServerIT {

    private static final Logger LOG = Logger.getLogger(PayaraServerIT.class.getName());
    /** Everything, setup included, must be done by then; each step gets what is left. */
    private static final Instant DEADLINE = Instant.now().plus(Duration.ofMinutes(
            Long.getLong("apigate.payaraServer.deadlineMinutes", 25)));
    private static final Path WORK = Path.of("target", "payara-server-it").toAbsolutePath();
    private static final Path REPOSITORY = Path.of(required("apigate.repository")).toAbsolutePath().normalize();
    private static final String APP = "http://127.0.0.1:8080";
    private static final String ADMIN = "http://127.0.0.1:4848";
    /** Health and metrics: the management listener setup-domain.sh creates (its default port). */
    private static final String MANAGEMENT = "http://127.0.0.1:8480";
    private static final List<String> SERVICES = List.of("user", "inventory", "order");
    /** The services verify every token themselves: set-up data is written by an admin. */
    private static final String[] ADMIN_TOKEN = {"Authorization", "Bearer " + Tokens.admin("payara-server-admin")};
    private static final Map<String, String> DATABASE = Map.of("user", "users", "inventory", "inventory",
            "order", "orders");

    static NetworkNamespace namespace;
    static PrivatePostgres postgres;
    static Path payaraHome;

    @BeforeAll
    static void setUpDomain() {
        namespace = NetworkNamespace.create(WORK);
        postgres = PrivatePostgres.start(namespace, WORK.resolve("postgres"));
        payaraHome = freshDistribution();

        Map<String, String> environment = new HashMap<>();
        environment.put("PGHOST", postgres.socketDirectory().toString());
        environment.put("APIGATE_DB_ENV_FILE", WORK.resolve("postgres.env").toString());
        environment.put("PAYARA_HOME", payaraHome.toString());
        environment.put("WAR_DIR", required("apigate.wars"));
        environment.put("POSTGRESQL_JAR", required("apigate.postgresqlJar"));
        environment.put("APIGATE_JWT_PUBLIC_KEY", TestKeys.rsaPublicKeyPem(WORK.resolve("keys")));
        environment.put("APIGATE_JWT_ISSUER", Tokens.ISSUER);
        environment.put("APIGATE_SERVICE_PRIVATE_KEY", TestKeys.servicePrivateKeyPem(WORK.resolve("keys")));
        environment.put("APIGATE_SERVICE_PUBLIC_KEY", TestKeys.servicePublicKeyPem(WORK.resolve("keys")));
        namespace.run(remaining(), environment, "create-databases.log",
                REPOSITORY.resolve("server-config/postgres/create-databases.sh").toString());

        environment.put("DEADLINE_SECONDS", String.valueOf(remaining().toSeconds()));
        String setup = namespace.run(remaining(), environment, "setup-domain.log",
                REPOSITORY.resolve("server-config/payara-server/setup-domain.sh").toString());
        LOG.info(() -> String.format("Payara Server: domain up after %d s, all four WARs serving after %d s "
                        + "(setup-domain.sh on an untouched domain: edits, start, pools, config, deployments), RSS %d MiB",
                secondsAt(setup, "domain domain1 is up"), secondsAt(setup, "gateway serves"),
                namespace.rssMiB("glassfish.jar")));
    }

    /** The distribution as Maven unpacked it, copied so that every run starts from an untouched domain. */
    private static Path freshDistribution() {
        Path unpacked = Path.of(required("apigate.payaraHome"));
        Path copy = WORK.resolve("payara6");
        Command.run(remaining(), Map.of(), WORK.resolve("copy.log"), List.of("rm", "-rf", copy.toString()));
        Command.run(remaining(), Map.of(), WORK.resolve("copy.log"),
                List.of("cp", "-a", unpacked.toString(), copy.toString()));
        return copy;
    }

    @AfterAll
    static void tearDown() {
        try {
            if (payaraHome != null) {
                namespace.run(Duration.ofSeconds(120), Map.of(), "stop-domain.log",
                        payaraHome.resolve("bin/asadmin").toString(), "stop-domain", "domain1");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "stop-domain failed (the namespace's processes are ended anyway): " + e.getMessage());
        } finally {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "stopping PostgreSQL failed (ended with the namespace): " + e.getMessage());
            } finally {
                if (namespace != null) {
                    namespace.close();
                }
            }
        }
    }

    @Test
    void theAdminInterfaceListsTheFourApplicationsAndTheConsoleAnswers() {
        NetworkNamespace.Reply applications = admin("/management/domain/applications/application");

        assertEquals(200, applications.status(), applications::toString);
        JsonObject children = applications.json().getJsonObject("extraProperties").getJsonObject("childResources");
        assertEquals(Set.of("user", "inventory", "order", "gateway"), children.keySet(), applications::toString);
        for (String app : List.of("user", "inventory", "order")) {
            NetworkNamespace.Reply details = admin("/management/domain/applications/application/" + app);
            assertEquals("/" + app, details.json().getJsonObject("extraProperties").getJsonObject("entity")
                    .getString("contextRoot"), details::toString);
        }
        NetworkNamespace.Reply console = await(() -> namespace.get(ADMIN + "/"), r -> r.status() == 200,
                Duration.ofMinutes(3));
        assertTrue(console.body().contains("Login"), console::toString);
    }

    @Test
    void everyServiceHasItsOwnPooledPostgresDatabase() {
        assertEveryServiceUsesItsPool();
        for (String svc : SERVICES) {
            NetworkNamespace.Reply ping = admin("/management/domain/resources/ping-connection-pool?id=apigate-"
                    + svc + "-pool");
            assertEquals("SUCCESS", ping.json().getString("exit_code"), ping::toString);
            assertEquals("1", postgres.sql(DATABASE.get(svc), "SELECT count(*) FROM flyway_schema_history "
                    + "WHERE version = '1' AND success"), svc + ": its first migration is applied");
        }
    }

    /**
     * Readiness - on the management listener only - lists each service's database check, each reporting the pool's
     * PostgreSQL, not its own H2, and the gateway's upstreams check (UP: without probes of its own server, which would
     * ask this very readiness).
     */
    private static void assertEveryServiceUsesItsPool() {
        NetworkNamespace.Reply health = namespace.get(MANAGEMENT + "/health/ready");
        assertEquals(200, health.status(), health::toString);
        for (String path : List.of("/health/ready", "/metrics", "/metrics?scope=application")) {
            assertEquals(404, namespace.get(APP + path).status(), path + " is not on the public HTTP listener");
        }
        List<JsonObject> checks = health.json().getJsonArray("checks").getValuesAs(JsonObject.class);
        List<JsonObject> databases = checks.stream().filter(check -> check.getString("name").endsWith("-database"))
                .toList();
        assertEquals(3, databases.size(), health::toString);
        assertEquals(6, checks.size(), health::toString); // and the gateway's upstreams, config and rate-limit config
        databases.forEach(check -> assertEquals("PostgreSQL", check.getJsonObject("data").getString("database"),
                () -> "The WAR must look its data source up under <svc>.datasource.jndi, which setup-domain.sh points "
                        + "at the admin-created pool; it uses its own embedded database instead: " + check));
    }

    @Test
    void dataWrittenThroughTheServicesIsInTheirDatabases() {
        assertEveryServiceUsesItsPool();
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        newUser(name);
        String sku = "SKU-" + name;
        NetworkNamespace.Reply stocked = namespace.http("PUT", APP + "/inventory/api/items/" + sku,
                "{\"name\":\"Widget\",\"available\":3}", ADMIN_TOKEN);

        assertEquals(201, stocked.status(), stocked::toString);
        assertEquals("1", postgres.sql("users", "SELECT count(*) FROM users WHERE username = '" + name + "'"));
        assertEquals("3", postgres.sql("inventory", "SELECT available FROM items WHERE sku = '" + sku + "'"));
        assertEquals("0", postgres.sql("orders", "SELECT count(*) FROM information_schema.tables "
                + "WHERE table_name IN ('users', 'items')"), "services share no tables");
    }

    @Test
    void theGatewayRoutesToTheServicesOnThisServer() {
        String name = "g" + UUID.randomUUID().toString().substring(0, 8);
        String id = newUser(name);

        NetworkNamespace.Reply viaGateway = namespace.get(APP + "/api/users/" + id,
                "Authorization", "Bearer " + Tokens.customer(id));

        assertEquals(200, viaGateway.status(), viaGateway::toString);
        assertEquals(name, viaGateway.json().getString("username"));
    }

    @Test
    void aRateLimitSetWithAsadminAppliesWithinTheConfigCacheTimeWithoutRedeploy() {
        String id = newUser("r" + UUID.randomUUID().toString().substring(0, 8));
        String[] bearer = {"Authorization", "Bearer " + Tokens.customer(id)};
        String url = APP + "/api/users/" + id;
        int before = quota(namespace.get(url, bearer));
        int changed = before == 7 ? 8 : 7;
        // setup-domain.sh lets Payara cache config values for 1 s (mp.config.cache.duration=1000): poll, bounded
        Duration cacheTimeAndMargin = Duration.ofSeconds(10);
        try {
            asadmin("set-config-property", "--source=domain", "--propertyName=gateway.ratelimit.limit",
                    "--propertyValue=" + changed);

            assertEquals(changed, quota(await(() -> namespace.get(url, bearer), r -> quota(r) == changed,
                    cacheTimeAndMargin)), "a request after set-config-property carries the new quota");
        } finally {
            asadmin("delete-config-property", "--source=domain", "--propertyName=gateway.ratelimit.limit");
        }
        assertEquals(before, quota(await(() -> namespace.get(url, bearer), r -> quota(r) == before,
                cacheTimeAndMargin)), "and the WAR's default once the property is gone");
    }

    /**
     * The services verify tokens themselves and, on Payara Server, share the gateway's listener: an order placed
     * through the gateway is checked by the order service, which calls user and inventory on this very server with
     * its service credential (the key pair setup-domain.sh configured); a customer going round the gateway, straight
     * to the services' paths, is refused the same way.
     */
    @Test
    void theServicesCheckTokensAndCallEachOtherWithTheServiceCredential() {
        String id = newUser("o" + UUID.randomUUID().toString().substring(0, 8));
        String sku = "SKU-" + id.substring(0, 8);
        assertEquals(201, namespace.http("PUT", APP + "/inventory/api/items/" + sku,
                "{\"name\":\"Widget\",\"available\":3}", ADMIN_TOKEN).status());
        String[] customer = {"Authorization", "Bearer " + Tokens.customer(id)};

        NetworkNamespace.Reply placed = namespace.http("POST", APP + "/api/orders", "{\"userId\":\"" + id
                + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}", customer);

        assertEquals(201, placed.status(), placed::toString);
        assertEquals("CONFIRMED", placed.json().getString("status"));
        for (String service : List.of("/user/api/users/" + id, "/inventory/api/items/" + sku,
                "/order/api/orders/" + placed.json().getString("id"))) {
            assertEquals(401, namespace.get(APP + service).status(), "no token, straight to " + service);
        }
        assertEquals(403, namespace.http("PUT", APP + "/inventory/api/items/" + sku,
                "{\"name\":\"Widget\",\"available\":300}", customer).status(), "a customer setting stock");
        assertEquals(403, namespace.http("POST", APP + "/inventory/api/reservations", "{\"id\":\"r-" + id
                + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", customer).status(),
                "a customer holding stock directly");
    }

    private static String newUser(String name) {
        NetworkNamespace.Reply created = namespace.http("POST", APP + "/user/api/users", "{\"username\":\"" + name
                + "\",\"email\":\"" + name + "@example.org\",\"displayName\":\"" + name + "\"}", ADMIN_TOKEN);
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    /** The q= parameter of the RateLimit-Policy header, e.g. {@code "default";q=100;w=60}. */
    private static int quota(NetworkNamespace.Reply reply) {
        String policy = reply.header("RateLimit-Policy");
        assertNotNull(policy, () -> "no RateLimit-Policy header: " + reply);
        Matcher q = Pattern.compile(";\\s*q=(\\d+)").matcher(policy);
        assertTrue(q.find(), policy);
        return Integer.parseInt(q.group(1));
    }

    private static NetworkNamespace.Reply admin(String path) {
        return namespace.get(ADMIN + path, "Accept", "application/json", "X-Requested-By", "apigate-tests");
    }

    private static void asadmin(String... arguments) {
        String[] command = new String[arguments.length + 2];
        command[0] = payaraHome.resolve("bin/asadmin").toString();
        command[1] = "--interactive=false";
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        namespace.run(Duration.ofSeconds(120), Map.of(), "asadmin.log", command);
    }

    private static NetworkNamespace.Reply await(java.util.function.Supplier<NetworkNamespace.Reply> call,
                                                java.util.function.Predicate<NetworkNamespace.Reply> done,
                                                Duration atMost) {
        Instant until = Instant.now().plus(atMost);
        NetworkNamespace.Reply reply = call.get();
        while (!done.test(reply) && Instant.now().isBefore(until)) {
            pause();
            reply = call.get();
        }
        return reply;
    }

    private static void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The seconds setup-domain.sh printed in front of a step, e.g. {@code [  97s] domain domain1 is up}. */
    private static long secondsAt(String output, String step) {
        Matcher m = Pattern.compile("\\[\\s*(\\d+)s] " + Pattern.quote(step)).matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static Duration remaining() {
        Duration left = Duration.between(Instant.now(), DEADLINE);
        if (left.isNegative() || left.isZero()) {
            throw new IllegalStateException("The test's overall deadline has passed");
        }
        return left;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run through Maven (mvn verify)");
        }
        return value;
    }
}
