package org.apigate.system;

import org.apigate.testing.Http;
import org.apigate.testing.PayaraMicro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy process running the operator's configuration, {@code server-config/lb/haproxy.cfg}, in front of
 * two gateway instances: the ports go in through the environment variables the file reads, all on 127.0.0.1. Its
 * statistics page (CSV) tells which instance answered what, and whether HAProxy sees an instance as UP.
 */
final class HaProxy implements AutoCloseable {

    private static final Path LOGS = Path.of("target", "haproxy").toAbsolutePath();

    private final int port = PayaraMicro.freePort();
    private final int statsPort = PayaraMicro.freePort();
    private final Path log;
    private final Process process;

    private HaProxy(Path config, String name, PayaraMicro gateway1, PayaraMicro gateway2) throws IOException {
        Files.createDirectories(LOGS);
        log = LOGS.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(binary(), "-f", config.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "APIGATE_LB_PORT", String.valueOf(port),
                "APIGATE_LB_STATS_PORT", String.valueOf(statsPort),
                "APIGATE_GATEWAY_1_PORT", String.valueOf(gateway1.port()),
                "APIGATE_GATEWAY_2_PORT", String.valueOf(gateway2.port()),
                "APIGATE_GATEWAY_1_MANAGEMENT_PORT", String.valueOf(gateway1.managementPort()),
                "APIGATE_GATEWAY_2_MANAGEMENT_PORT", String.valueOf(gateway2.managementPort())));
        process = builder.start();
    }

    /** Starts HAProxy with {@code config} and waits until it reports both gateway instances UP. */
    static HaProxy start(Path config, String name, PayaraMicro gateway1, PayaraMicro gateway2) {
        try {
            HaProxy haProxy = new HaProxy(config, name, gateway1, gateway2);
            haProxy.awaitStatus("gateway1", "UP");
            haProxy.awaitStatus("gateway2", "UP");
            return haProxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String binary() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("HAProxy is not installed: apt-get install -y haproxy (.ci/run does)");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Polls the statistics until HAProxy's health check reports {@code server} in {@code status} (UP, DOWN). */
    void awaitStatus(String server, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String last = "(no answer)";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited with " + process.exitValue() + "\n" + logText());
            }
            try {
                last = server(server).status();
                if (last.equals(status)) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // HAProxy is still starting; poll again
            }
            pause();
        }
        throw new IllegalStateException(server + " is " + last + ", not " + status + ", after 60 s\n" + logText());
    }

    /** One gateway instance as HAProxy counts it now. */
    ServerStats server(String server) {
        return stats().get(server);
    }

    /** The backend's servers by name, from the CSV statistics ("# pxname,svname,...", one line per proxy row). */
    private Map<String, ServerStats> stats() {
        List<String> lines = Http.get("http://127.0.0.1:" + statsPort + "/stats;csv").body().lines()
                .toList();
        List<String> columns = Arrays.asList(lines.get(0).replaceFirst("^# ", "").split(","));
        Map<String, ServerStats> servers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length > 1 && "gateways".equals(cells[0]) && !"BACKEND".equals(cells[1])) {
                servers.put(cells[1], new ServerStats(cells[columns.indexOf("status")],
                        number(cells, columns, "hrsp_2xx"), number(cells, columns, "hrsp_4xx"),
                        number(cells, columns, "hrsp_5xx"), number(cells, columns, "wretr"),
                        number(cells, columns, "wredis")));
            }
        }
        return servers;
    }

    private static long number(String[] cells, List<String> columns, String column) {
        String cell = cells[columns.indexOf(column)];
        return cell.isEmpty() ? 0 : Long.parseLong(cell);
    }

    String logText() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
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

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One server's counters: its health-check status, the responses it gave by class, and the retries and
     * redispatches HAProxy made because of it.
     */
    record ServerStats(String status, long responses2xx, long responses4xx, long responses5xx, long retries,
                       long redispatches) {

        long responses() {
            return responses2xx + responses4xx + responses5xx;
        }
    }
}
