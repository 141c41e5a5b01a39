package org.apigate.system;

import org.apigate.testing.Command;
import org.apigate.testing.PayaraMicro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The machine's own PostgreSQL (Debian's cluster, 127.0.0.1:5432), started if it is down, and a throw-away set of
 * the services' databases and roles made by {@code server-config/postgres/create-databases.sh} with a suffix, so a
 * run never touches an operator's databases. Needs root (to start the cluster and to run psql as postgres).
 */
public final class LocalPostgres {

    private static final Path LOGS = Path.of("target", "postgres-it").toAbsolutePath();
    private static final Duration QUICK = Duration.ofSeconds(60);

    private final Path repository;
    private final String suffix;
    private final Path envFile;

    private LocalPostgres(Path repository, String suffix) {
        this.repository = repository;
        this.suffix = suffix;
        this.envFile = LOGS.resolve("postgres" + suffix + ".env");
    }

    /** Starts the cluster if needed and creates the databases; {@link #drop()} removes them. */
    public static LocalPostgres withDatabases(Path repository, String suffix) {
        ensureRunning();
        LocalPostgres postgres = new LocalPostgres(repository, suffix);
        postgres.script();
        return postgres;
    }

    private static void ensureRunning() {
        if (ready()) {
            return;
        }
        // pg_lsclusters -h: "15 main 5432 down postgres /var/lib/postgresql/15/main ..."
        String clusters = Command.run(QUICK, Map.of(), LOGS.resolve("pg_ctlcluster.log"),
                List.of("pg_lsclusters", "-h"));
        String[] first = clusters.lines().findFirst().orElseThrow(() -> new IllegalStateException(
                "No PostgreSQL cluster on this machine: apt-get install postgresql")).trim().split("\\s+");
        Command.run(QUICK, Map.of(), LOGS.resolve("pg_ctlcluster.log"),
                List.of("pg_ctlcluster", first[0], first[1], "start"));
        Instant deadline = Instant.now().plusSeconds(30);
        while (!ready()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL " + first[0] + "/" + first[1] + " did not come up");
            }
            pause();
        }
    }

    private static boolean ready() {
        try {
            Command.run(QUICK, Map.of(), LOGS.resolve("pg_isready.log"),
                    List.of("pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"));
            return true;
        } catch (IllegalStateException notReady) {
            return false;
        }
    }

    private String script(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                repository.resolve("server-config/postgres/create-databases.sh").toString()));
        command.addAll(List.of(arguments));
        Map<String, String> environment = new HashMap<>();
        environment.put("APIGATE_DB_SUFFIX", suffix);
        environment.put("APIGATE_DB_ENV_FILE", envFile.toString());
        return Command.run(QUICK, environment, LOGS.resolve("create-databases" + suffix + ".log"), command);
    }

    public String suffix() {
        return suffix;
    }

    /** The password create-databases.sh set for the service's role, as its MicroProfile Config variable holds it. */
    public String password(String service) {
        String variable = service.toUpperCase(java.util.Locale.ROOT) + "_DATASOURCE_PASSWORD=";
        try {
            return Files.readAllLines(envFile).stream().filter(l -> l.startsWith(variable))
                    .map(l -> l.substring(variable.length())).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code instance} with the data source of {@code service} ({@code user}, {@code inventory}, {@code order}) on
     * {@code database} of this set ({@code users}, {@code inventory}, {@code orders}; the password from the
     * environment). Several instances given the same database share it.
     */
    public PayaraMicro.Builder onPostgres(PayaraMicro.Builder instance, String service, String database) {
        return instance.property(service + ".datasource.class", "org.postgresql.ds.PGSimpleDataSource")
                .property(service + ".datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + database + suffix)
                .property(service + ".datasource.user", "apigate_" + service + suffix)
                .environment(service.toUpperCase(java.util.Locale.ROOT) + "_DATASOURCE_PASSWORD", password(service));
    }

    /** Runs SQL as the superuser in a database of this set (name without suffix); tuples only, unaligned. */
    public String sql(String database, String sql) {
        return Command.run(QUICK, Map.of(), LOGS.resolve("psql.log"), List.of("runuser", "-u", "postgres", "--",
                "psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database + suffix, "-c", sql)).trim();
    }

    public void drop() {
        script("--drop");
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
