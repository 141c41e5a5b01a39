package org.apigate.system.hostile;

import org.apigate.testing.PayaraMicro;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forged and malformed credentials of {@link TokenCorpus}, sent straight to each service, past the gateway, as
 * any process on the machine could (and any client on Payara Server, where the services share the gateway's
 * listener): each service refuses them itself - 401 with the {@code Bearer} challenge and a problem body, 403 for
 * the authentic token without a role, the listener's 400 for the oversized one - and writes one line for each token
 * it refused into its server log, never a stack trace. The attacker's key server is never asked.
 */
@ExtendWith(SharedSystem.class)
class ForgedTokensAtServicesIT {

    private static final Map<String, String> TARGETS = Map.of("user", "/user/api/users/",
            "inventory", "/inventory/api/items/", "order", "/order/api/orders/");
    private static final Duration LOG_DEADLINE = Duration.ofSeconds(10);

    private static HostileSystem system;
    private static AttackerServer attacker;

    @BeforeAll
    static void boot(HostileSystem shared) {
        system = shared;
        attacker = new AttackerServer();
    }

    @AfterAll
    static void stopAttacker() {
        if (attacker != null) {
            attacker.close();
        }
    }

    /** Every case of the corpus at every service. */
    static Stream<Arguments> cases() {
        return TARGETS.keySet().stream().sorted().flatMap(service -> TokenCorpus.all().stream()
                .map(forged -> Arguments.of(service, forged)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void isRefusedWithOneLogLineAndNoStackTrace(String service, TokenCase forged) {
        PayaraMicro instance = instance(service);
        long logFrom = size(instance.log());
        String requestId = "forged-" + UUID.randomUUID();
        List<String> headers = new ArrayList<>(forged.headers().apply(attacker));
        headers.add("X-Request-Id: " + requestId);
        String request = RawHttp.get(TARGETS.get(service) + requestId + forged.query(), headers.toArray(String[]::new));

        RawHttp.Reply reply = RawHttp.send(instance.port(), request);

        assertEquals(forged.status(), reply.status(), () -> RawHttp.abbreviate(request) + "\n-> " + reply);
        if (reply.status() == 401) {
            assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), reply::toString);
            assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply::toString);
        }
        if (reply.status() == 401 && reply.header("WWW-Authenticate").contains("invalid_token")) {
            assertEquals(1, awaitLines(instance.log(), logFrom, "(request " + requestId + ")").size(),
                    "one log line for the refused token");
        }
        String logged = read(instance.log(), logFrom);
        assertTrue(!logged.contains("\tat ") && !logged.contains("Exception"), "a stack trace was logged:\n" + logged);
        assertEquals(0, attacker.requests(), "the attacker's key server was asked for keys");
    }

    private static PayaraMicro instance(String service) {
        return switch (service) {
            case "user" -> system.user;
            case "inventory" -> system.inventory;
            default -> system.order;
        };
    }

    /** The lines of the log written since {@code from} that contain {@code marker}, once there is one (bounded). */
    private static List<String> awaitLines(Path log, long from, String marker) {
        Instant deadline = Instant.now().plus(LOG_DEADLINE);
        List<String> lines = List.of();
        while (lines.isEmpty() && Instant.now().isBefore(deadline)) {
            lines = read(log, from).lines().filter(line -> line.contains(marker)).toList();
            if (lines.isEmpty()) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
        return lines;
    }

    private static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path log, long from) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int start = (int) Math.min(from, bytes.length);
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
