package org.apigate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One real Payara Micro process serving one or more WARs, as the run script starts it: its own port, its own root
 * directory, no clustering (--nocluster: the default multicast discovery would leave loopback) unless it is made a
 * member of a {@link LoopbackDataGrid}, its log in a file; the options, pre-boot file and ready line of the project's
 * one description ({@link InstanceDescription}). Ready means Payara's ready line and a URL that answered (Payara
 * logs "ready" even when a deployment failed); a failed deployment ends the wait at once.
 */
public final class PayaraMicro implements AutoCloseable {

    /** System property: seconds an instance may take to become ready (default 180; more on a crowded machine). */
    public static final String BOOT_TIMEOUT_PROPERTY = "apigate.boot-timeout-seconds";
    private static final InstanceDescription INSTANCE = InstanceDescription.OF_REPOSITORY;
    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private final String readyPath;
    private final int readyStatus;
    private final Map<String, String> environment;
    private final int managementPort;
    private final Duration bootDeadline;
    private Process process;
    private Duration timeToReady;

    private PayaraMicro(Builder builder) {
        this.name = builder.name;
        this.port = builder.port;
        this.readyPath = builder.readyPath;
        this.readyStatus = builder.readyStatus;
        this.environment = Map.copyOf(builder.environment);
        this.managementPort = builder.managementPort;
        this.bootDeadline = builder.bootDeadline;
        Path work = Path.of("target", "payara", name).toAbsolutePath();
        this.log = work.resolveSibling(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + builder.heap);
        cmd.addAll(INSTANCE.jvmOptions());
        cmd.addAll(builder.jvmOptions);
        builder.systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", microJar(), "--port", String.valueOf(port), "--rootDir", work.toString()));
        cmd.addAll(INSTANCE.microOptions());
        cmd.addAll(List.of("--prebootcommandfile", INSTANCE.preBoot(builder.managementPort > 0).toString()));
        cmd.addAll(builder.dataGrid == null ? INSTANCE.standaloneOptions()
                : builder.dataGrid.memberOptions(builder.dataGridMember, name));
        if (builder.postBootCommands != null) {
            cmd.addAll(List.of("--postbootcommandfile", builder.postBootCommands.toAbsolutePath().toString()));
        }
        cmd.addAll(builder.arguments);
        builder.deployments.forEach((war, context) -> cmd.addAll(List.of("--deploy", war + ":" + context)));
        this.command = List.copyOf(cmd);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The jar that the build copied into target/ with its version in the name (never a stale one). */
    public static String microJar() {
        String jar = System.getProperty("payara.microJar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("payara.microJar not set or missing: " + jar);
        }
        return jar;
    }

    /**
     * Runs {@code action} (start, kill, close) on every instance at once and waits for all; the first failure is
     * rethrown. Boots overlap well: every URL is known before any process runs.
     */
    public static void inParallel(List<PayaraMicro> instances, Consumer<PayaraMicro> action) {
        if (instances.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            instances.forEach(i -> runs.add(CompletableFuture.runAsync(() -> action.accept(i), pool)));
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the process and waits until {@code readyPath} answers 200, or fails with the log's tail after the
     * seconds in system property {@value #BOOT_TIMEOUT_PROPERTY} (default 180).
     */
    public PayaraMicro start() {
        try {
            Files.createDirectories(log.getParent());
            Instant started = Instant.now();
            long logBefore = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            awaitReady(logBefore, Instant.now().plus(bootDeadline));
            timeToReady = Duration.between(started, Instant.now());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(long logBefore, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            String started = logSince(logBefore);
            if (INSTANCE.failed(started)) {
                close();
                throw new IllegalStateException(name + ": a deployment failed\n" + logTail());
            }
            try {
                if (INSTANCE.ready(started) && Http.get(url() + readyPath).status() == readyStatus) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // the listener is not up yet; poll again
            }
            pause();
        }
        close();
        throw new IllegalStateException(name + " not ready within the deadline\n" + logTail());
    }

    /**
     * The log of this start. On a restart with the same root directory Payara Micro first redeploys the WAR it had,
     * which answers the ready path for a moment before the --deploy of the same WAR replaces it (404s in between):
     * only its ready line of this start counts.
     */
    private String logSince(long logBefore) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.min(logBefore, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management port's base URL ({@code http://127.0.0.1:<port>}) of an instance that has one. */
    public String managementUrl() {
        if (managementPort == 0) {
            throw new IllegalStateException(name + " has no management port");
        }
        return "http://127.0.0.1:" + managementPort;
    }

    /** Where the instance serves health and metrics: its management port if it has one, else its HTTP port. */
    public String healthUrl() {
        return managementPort > 0 ? managementUrl() : url();
    }

    public int managementPort() {
        return managementPort;
    }

    public int port() {
        return port;
    }

    public Duration timeToReady() {
        return timeToReady;
    }

    /** The process was started and has not exited (or been killed) since. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The instance's log file (appended to across restarts), e.g. to look for the data grid's member list. */
    public Path log() {
        return log;
    }

    /** Resident memory of the process in MiB, read from /proc (Linux). */
    public long rssMiB() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the process at once, as a crash would (no shutdown hooks). */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /** Stops gracefully, then forcibly if it takes too long. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitForExit(Duration.ofSeconds(30))) {
                kill();
            }
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Describes an instance before it starts. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> deployments = new LinkedHashMap<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private Duration bootDeadline = Duration.ofSeconds(Long.getLong(BOOT_TIMEOUT_PROPERTY, 180));
        private Path postBootCommands;
        private LoopbackDataGrid dataGrid;
        private int dataGridMember;
        private int port = freePort();
        private int managementPort;
        private String heap = "384m";
        private String readyPath = "/health/ready";
        private int readyStatus = 200;

        private Builder(String name) {
            this.name = name;
        }

        public Builder deploy(Path war, String contextRoot) {
            deployments.put(war.toAbsolutePath().toString(), contextRoot);
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Health and metrics on a management port of their own (a free one), as the operators' pre-boot file for a
         * public instance sets it up ({@code preboot-management.asadmin}): the instance's HTTP port answers 404 there.
         */
        public Builder managementPort() {
            this.managementPort = freePort();
            environment.put("APIGATE_MANAGEMENT_PORT", String.valueOf(managementPort));
            return this;
        }

        public Builder property(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        /** Several system properties, e.g. {@code AuthSettings.service("user")}. */
        public Builder properties(Map<String, String> properties) {
            systemProperties.putAll(properties);
            return this;
        }

        /** An environment variable of the process; MicroProfile Config reads them too (USER_DATASOURCE_PASSWORD). */
        public Builder environment(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /** More Payara Micro command-line options, e.g. {@code --accesslog <dir> --accessloginterval 0}. */
        public Builder arguments(String... options) {
            arguments.addAll(List.of(options));
            return this;
        }

        /** An asadmin command file Payara runs after booting, before it deploys the WARs (--postbootcommandfile). */
        public Builder postBootCommands(Path file) {
            this.postBootCommands = file;
            return this;
        }

        /**
         * Makes the instance member {@code member} (0-based) of {@code grid} instead of starting it with
         * --nocluster: it shares JCache data (and backups) with the grid's other members, over loopback only.
         */
        public Builder dataGridMember(LoopbackDataGrid grid, int member) {
            grid.memberPort(member); // fails early for a member the grid does not have
            this.dataGrid = grid;
            this.dataGridMember = member;
            return this;
        }

        /** A JVM option of the process, e.g. {@code -XX:TieredStopAtLevel=1} for a cheaper boot. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** How long {@link #start()} waits for the ready path (default: {@value #BOOT_TIMEOUT_PROPERTY} or 180 s). */
        public Builder bootDeadline(Duration deadline) {
            this.bootDeadline = deadline;
            return this;
        }

        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** The path that must answer 200 before the instance counts as ready, e.g. a resource of the WAR. */
        public Builder readyWhen(String path) {
            this.readyPath = path;
            return this;
        }

        /**
         * Ready when {@code path} answers {@code status}, e.g. a secured URL answering 401: the application and its
         * security are both up (a bare 500 comes while Payara is still installing the authentication mechanism).
         */
        public Builder readyWhen(String path, int status) {
            this.readyPath = path;
            this.readyStatus = status;
            return this;
        }

        public PayaraMicro build() {
            return new PayaraMicro(this);
        }
    }
}
