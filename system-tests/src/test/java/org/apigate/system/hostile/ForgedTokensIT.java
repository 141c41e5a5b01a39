package org.apigate.system.hostile;

import org.apigate.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Item 1 of issue 7: every forged or malformed credential of {@link TokenCorpus} is refused - 401 with a problem
 * body and the {@code Bearer} challenge (two documented exceptions, see {@link TokenCase#status()}), never 5xx - and
 * nothing of it reaches a service. The latter is proven from
 * the services' access logs ({@link HostileSystem#servicesThatSaw}); that a request let through would be there is
 * shown by a valid token with the lower-case scheme. The attacker's
 * key server, named by the {@code jku}/{@code x5u} cases, must never be asked.
 */
@ExtendWith(SharedSystem.class)
class ForgedTokensIT {

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

    static List<TokenCase> corpus() {
        return TokenCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedAndReachesNoService(TokenCase forged) {
        String marker = "forged-" + UUID.randomUUID();
        String request = RawHttp.get("/api/users/" + marker + forged.query(),
                forged.headers().apply(attacker).toArray(String[]::new));

        RawHttp.Reply reply = RawHttp.send(system.gateway.port(), request);

        assertEquals(forged.status(), reply.status(), () -> RawHttp.abbreviate(request) + "\n-> " + reply);
        if (reply.status() == 401) {
            assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), reply::toString);
        }
        if (reply.status() == 401 || reply.status() == 403) {
            assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply::toString);
        }
        assertEquals(Set.of(), system.servicesThatSaw(marker), "the forged request reached a service");
        assertEquals(0, attacker.requests(), "the attacker's key server was asked for keys");
    }

    /** The control for the corpus: the very same request with a valid token does reach the user service. */
    @Test
    void aValidTokenWithTheLowerCaseSchemeIsAccepted() {
        String marker = "valid-" + UUID.randomUUID();
        RawHttp.Reply reply = RawHttp.send(system.gateway.port(), RawHttp.get("/api/users/" + marker,
                "Authorization: bearer " + Tokens.admin("admin-" + UUID.randomUUID())));

        assertEquals(404, reply.status(), "the user service's answer for an unknown user: " + reply);
        assertTrue(system.userLog.awaitLine(marker, Duration.ofSeconds(10)), "no access-log line for " + marker);
    }

    @Test
    void theCorpusIsLargeEnough() {
        assertTrue(corpus().size() >= 30, "cases: " + corpus().size());
    }
}
