package org.apigate.system.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apigate.testing.Command;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A Linux network namespace with only a loopback interface ({@code ip netns}): what runs inside can reach nothing
 * but itself, and its ports do not clash with the host's. Commands and HTTP requests (curl) are run inside it.
 * Closing it ends every process still inside - all of them started by this test - and deletes it.
 */
final class NetworkNamespace implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NetworkNamespace.class.getName());
    private static final String PREFIX = "apigate-it-";
    private static final Duration QUICK = Duration.ofSeconds(30);

    private final String name;
    private final Path logs;

    private NetworkNamespace(String name, Path logs) {
        this.name = name;
        this.logs = logs;
    }

    /** A new namespace named after this JVM, after removing those of earlier runs that died before cleaning up. */
    static NetworkNamespace create(Path logs) {
        removeAbandoned(logs);
        String name = PREFIX + ProcessHandle.current().pid();
        Command.run(QUICK, Map.of(), logs.resolve("netns.log"), List.of("ip", "netns", "add", name));
        NetworkNamespace namespace = new NetworkNamespace(name, logs);
        namespace.run(QUICK, Map.of(), "netns.log", "ip", "link", "set", "lo", "up");
        return namespace;
    }

    private static void removeAbandoned(Path logs) {
        String list = Command.run(QUICK, Map.of(), logs.resolve("netns.log"), List.of("ip", "netns", "list"));
        list.lines().map(line -> line.split(" ")[0]).filter(n -> n.startsWith(PREFIX)).forEach(n -> {
            long pid = Long.parseLong(n.substring(PREFIX.length()));
            if (ProcessHandle.of(pid).isEmpty()) {
                LOG.warning(() -> "Removing network namespace " + n + " left by a test run that died");
                new NetworkNamespace(n, logs).close();
            }
        });
    }

    String name() {
        return name;
    }

    /** Runs a command inside the namespace; its output is kept in {@code logName} under the log folder. */
    String run(Duration timeout, Map<String, String> environment, String logName, String... command) {
        List<String> inside = new ArrayList<>(List.of("ip", "netns", "exec", name));
        inside.addAll(List.of(command));
        return Command.run(timeout, environment, logs.resolve(logName), inside);
    }

    /** An HTTP request made inside the namespace (so 127.0.0.1 is the namespace's loopback). */
    Reply http(String method, String url, String body, String... headers) {
        List<String> curl = new ArrayList<>(List.of("curl", "-sS", "-i", "--max-time", "30", "-X", method));
        for (int i = 0; i < headers.length; i += 2) {
            curl.addAll(List.of("-H", headers[i] + ": " + headers[i + 1]));
        }
        if (body != null) {
            curl.addAll(List.of("-H", "Content-Type: application/json", "--data-raw", body));
        }
        curl.add(url);
        return Reply.parse(run(Duration.ofSeconds(40), Map.of(), "curl.out", curl.toArray(String[]::new)));
    }

    Reply get(String url, String... headers) {
        return http("GET", url, null, headers);
    }

    /** Resident memory of the process inside whose command line contains {@code marker}, in MiB. */
    long rssMiB(String marker) {
        return pids().stream().filter(pid -> commandLine(pid).contains(marker)).findFirst()
                .map(NetworkNamespace::rssOf).orElse(-1L);
    }

    private List<Long> pids() {
        String out = Command.run(QUICK, Map.of(), logs.resolve("netns.log"), List.of("ip", "netns", "pids", name));
        return out.lines().map(String::trim).filter(l -> l.matches("\\d+")).map(Long::valueOf).toList();
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static long rssOf(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Ends what still runs inside (politely, then forcibly after 20 s) and deletes the namespace. */
    @Override
    public void close() {
        List<ProcessHandle> inside = pids().stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
        inside.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(20);
        for (ProcessHandle process : inside) {
            try {
                process.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                process.destroyForcibly();
            }
        }
        Command.run(QUICK, Map.of(), logs.resolve("netns.log"), List.of("ip", "netns", "delete", name));
    }

    /** A response as curl -i printed it. Header names are lower-cased. */
    record Reply(int status, Map<String, String> headers, String body) {

        static Reply parse(String raw) {
            String rest = raw;
            while (true) {
                int end = rest.indexOf("\r\n\r\n");
                String head = end < 0 ? rest : rest.substring(0, end);
                String body = end < 0 ? "" : rest.substring(end + 4);
                String[] lines = head.split("\r\n");
                int status = Integer.parseInt(lines[0].split(" ")[1]);
                if (status == 100) {
                    rest = body;
                    continue;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                lines[i].substring(colon + 1).trim());
                    }
                }
                return new Reply(status, headers, body);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }
}
