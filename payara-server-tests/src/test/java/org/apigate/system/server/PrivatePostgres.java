package org.apigate.system.server;

import org.apigate.testing.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster of the machine's PostgreSQL server binaries, listening on 127.0.0.1:5432 inside
 * the network namespace (where the host's server cannot be reached) and on a socket in its own folder. Authentication
 * as on Debian: peer on the socket, scram-sha-256 on TCP. Runs as the {@code postgres} user, which PostgreSQL insists
 * on; psql reaches it with {@code PGHOST=}{@link #socketDirectory()}.
 */
final class PrivatePostgres implements AutoCloseable {

    private final NetworkNamespace namespace;
    private final Path directory;
    private final Path bin;

    private PrivatePostgres(NetworkNamespace namespace, Path directory, Path bin) {
        this.namespace = namespace;
        this.directory = directory;
        this.bin = bin;
    }

    static PrivatePostgres start(NetworkNamespace namespace, Path directory) {
        Path bin = serverBinaries();
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory);
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(directory, users.lookupPrincipalByName("postgres"));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrivatePostgres postgres = new PrivatePostgres(namespace, directory, bin);
        postgres.asPostgres(Duration.ofSeconds(120), "initdb.log", bin.resolve("initdb").toString(),
                "-D", postgres.data(), "--auth-local=peer", "--auth-host=scram-sha-256", "-U", "postgres", "-E", "UTF8");
        postgres.asPostgres(Duration.ofSeconds(90), "pg_ctl.log", bin.resolve("pg_ctl").toString(), "-D",
                postgres.data(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-c listen_addresses=127.0.0.1 -c port=5432 -c unix_socket_directories=" + directory, "start");
        return postgres;
    }

    /** The newest /usr/lib/postgresql/N/bin that has the server (Debian's postgresql package). */
    private static Path serverBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL server under /usr/lib/postgresql: apt-get install postgresql", e);
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    Path socketDirectory() {
        return directory;
    }

    /** Runs SQL with psql as the superuser, inside the namespace; returns the unaligned, tuples-only output. */
    String sql(String database, String sql) {
        return asPostgres(Duration.ofSeconds(30), "psql.log", bin.resolve("psql").toString(), "-X", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", directory.toString(), "-d", database, "-c", sql).trim();
    }

    private String asPostgres(Duration timeout, String log, String... command) {
        String[] full = Stream.concat(Stream.of("runuser", "-u", "postgres", "--"), Stream.of(command))
                .toArray(String[]::new);
        return namespace.run(timeout, Map.of(), log, full);
    }

    @Override
    public void close() {
        asPostgres(Duration.ofSeconds(60), "pg_ctl.log", bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast",
                "-w", "stop");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
