package org.apigate.system.idp;

import org.apigate.testing.Command;
import org.apigate.testing.Http;
import org.apigate.testing.PayaraMicro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Keycloak (the Quarkus distribution the build unpacked, system property {@value #HOME_PROPERTY}) in
 * development mode, as its own process on a JDK of its own: {@code bin/kc.sh start-dev} with its HTTP listener and its
 * management interface on 127.0.0.1 and free ports, an in-memory database ({@code --db=dev-mem}: every start is a
 * fresh server), and a temporary administrator of the master realm with a password made for this run
 * ({@code KC_BOOTSTRAP_ADMIN_*}), which {@link #admin(String...)} uses for the admin CLI ({@code bin/kcadm.sh}).
 * Ready when {@code /realms/master} answers 200. Its log is {@code target/keycloak/keycloak.log}.
 */
final class Keycloak implements AutoCloseable {

    static final String HOME_PROPERTY = "keycloak.home";
    /** Seconds the server may take to become ready; the first start of an unpacked distribution also builds it. */
    static final String BOOT_TIMEOUT_PROPERTY = "keycloak.boot-timeout-seconds";
    private static final Duration ADMIN_TIMEOUT = Duration.ofMinutes(2);
    private static final String BOOTSTRAP_ADMIN = "apigate-bootstrap";

    private final Path home;
    private final Path javaHome;
    private final int port = PayaraMicro.freePort();
    private final int managementPort = PayaraMicro.freePort();
    private final Path work = Path.of("target", "keycloak").toAbsolutePath();
    private final Path log = work.resolve("keycloak.log");
    private final String adminPassword = UUID.randomUUID().toString();
    private volatile Process process;
    private Thread stopOnExit;
    private Duration timeToReady;
    private boolean built;
    private boolean loggedIn;
    private int commands;

    Keycloak(Path home, Path javaHome) {
        this.home = home;
        this.javaHome = javaHome;
    }

    /** The distribution the build unpacked; fails when it is missing (run the test through Maven). */
    static Path distribution() {
        Path home = Path.of(System.getProperty(HOME_PROPERTY, "target/keycloak-dist/missing"));
        if (!Files.isExecutable(home.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + ": run the test through Maven (mvn verify), "
                    + "which unpacks org.keycloak:keycloak-quarkus-dist");
        }
        return home;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A realm's {@code iss}: the URL it is reached at, as Keycloak derives it from the request in dev mode. */
    String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    String jwks(String realm) {
        return issuer(realm) + "/protocol/openid-connect/certs";
    }

    String tokenEndpoint(String realm) {
        return issuer(realm) + "/protocol/openid-connect/token";
    }

    Duration timeToReady() {
        return timeToReady;
    }

    /** This start first built the distribution (Quarkus augmentation); a later start with the same options skips it. */
    boolean built() {
        return built;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the server and waits until it answers, or fails with the log's tail. */
    Keycloak start() {
        try {
            Files.createDirectories(work);
            long logBefore = Files.exists(log) ? Files.size(log) : 0;
            Instant started = Instant.now();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-host=127.0.0.1", "--http-management-port=" + managementPort,
                    "--db=dev-mem")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(Map.of("JAVA_HOME", javaHome.toString(),
                    "KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword));
            process = builder.start();
            stopOnExit = new Thread(this::stop, "stop-keycloak");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            awaitReady(Instant.now().plusSeconds(Long.getLong(BOOT_TIMEOUT_PROPERTY, 420)));
            timeToReady = Duration.between(started, Instant.now());
            built = logSince(logBefore).contains("Updating the configuration");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                if (Http.get(url() + "/realms/master").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // not listening yet: poll again
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        close();
        throw new IllegalStateException("Keycloak not ready within the deadline\n" + logTail());
    }

    /**
     * Runs the admin CLI as the temporary administrator ({@code kcadm.sh <arguments> --config <this run's file>}) and
     * returns its output; each call's output is also kept in {@code target/keycloak/kcadm-<n>.log}.
     */
    String admin(String... arguments) {
        if (!loggedIn) {
            kcadm(List.of("config", "credentials", "--server", url(), "--realm", "master",
                    "--user", BOOTSTRAP_ADMIN, "--password", adminPassword));
            loggedIn = true;
        }
        return kcadm(List.of(arguments));
    }

    private String kcadm(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("kcadm.sh").toString());
        command.addAll(arguments);
        command.addAll(List.of("--config", work.resolve("kcadm.config").toString()));
        Path output = work.resolve("kcadm-" + ++commands + ".log");
        return Command.run(ADMIN_TIMEOUT, Map.of("JAVA_HOME", javaHome.toString()), output, command);
    }

    /** Writes {@code content} (a realm or users as JSON, for {@code kcadm.sh ... -f}) to a file of this run. */
    Path file(String name, String content) {
        try {
            return Files.writeString(work.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logSince(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 30 s), also a build still running under kc.sh. */
    @Override
    public void close() {
        stop();
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
            stopOnExit = null;
        }
    }

    private void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
