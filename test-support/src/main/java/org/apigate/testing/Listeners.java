package org.apigate.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP sockets a process listens on, as {@code ss} reports them (iproute2, installed by .ci/run), to prove that
 * an instance is reachable from this machine only.
 */
public final class Listeners {

    private Listeners() {
    }

    /** The local addresses ({@code 127.0.0.1:8080}, {@code [::ffff:127.0.0.1]:6900}, {@code *:6900}) of {@code pid}. */
    public static List<String> of(long pid) {
        String table = Command.run(Duration.ofSeconds(20), Map.of(), Path.of("target", "ss-" + pid + ".log"),
                List.of("ss", "-ltnpH"));
        return table.lines().filter(line -> line.contains("pid=" + pid + ","))
                .map(line -> Arrays.stream(line.trim().split("\\s+")).toList().get(3)).toList();
    }

    /** Whether a local address from {@link #of(long)} is on the loopback interface. */
    public static boolean isLoopback(String address) {
        String host = address.substring(0, address.lastIndexOf(':'));
        return host.equals("127.0.0.1") || host.equals("[::ffff:127.0.0.1]") || host.equals("[::1]");
    }

    /** Fails unless {@code instance} listens on its HTTP port and its data grid at least, and all on loopback. */
    public static void assertLoopbackOnly(PayaraMicro instance) {
        List<String> listening = of(instance.pid());
        assertTrue(listening.size() >= 2, () -> instance.name() + ": HTTP and data grid expected, " + listening);
        assertTrue(listening.stream().allMatch(Listeners::isLoopback), () -> instance.name() + ": " + listening);
    }
}
