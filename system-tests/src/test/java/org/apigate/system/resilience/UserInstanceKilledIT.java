package org.apigate.system.resilience;

import org.apigate.system.LocalPostgres;
import org.apigate.system.Wars;
import org.apigate.system.resilience.GetLoad.Result;
import org.apigate.testing.Http;
import org.apigate.testing.PayaraMicro;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the user service on one PostgreSQL database (a throw-away set of the machine's cluster, as the
 * {@link Shop} uses) behind the gateway, under {@value #CONNECTIONS} connections of GETs; one instance is killed
 * ({@code kill -9}). Only requests under way on it at that moment may fail (the gateway sends a GET again, so
 * usually none does), no request sent after it fails, and the gateway never ejects the survivor.
 */
class UserInstanceKilledIT {

    private static final Logger LOG = Logger.getLogger(UserInstanceKilledIT.class.getName());
    private static final Path REPOSITORY = Path.of(System.getProperty("apigate.repository", ".."))
            .toAbsolutePath().normalize();
    static final int CONNECTIONS = 16;
    static final int USERS = 20;
    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration BEFORE_KILL = Duration.ofSeconds(6);
    static final Duration AFTER_KILL = Duration.ofSeconds(14);
    static final String AUTHORIZATION = "Bearer " + Tokens.admin("user-kill-load");

    static LocalPostgres postgres;
    static PayaraMicro userA;
    static PayaraMicro userB;
    static PayaraMicro gateway;
    static final List<String> USER_IDS = new ArrayList<>();

    @BeforeAll
    static void start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        postgres = LocalPostgres.withDatabases(REPOSITORY, "_uk" + run);
        userA = userInstance("kill-user-a-" + run);
        userB = userInstance("kill-user-b-" + run);
        gateway = Wars.gateway(Shop.lean("kill-gateway-" + run), TestKeys.rsaPublicKeyPem(Path.of("target", "keys")),
                        Map.of("user", userA.url() + "/user," + userB.url() + "/user"))
                .property("gateway.ratelimit.limit", "1000000")
                .build();
        PayaraMicro.inParallel(List.of(userA, userB, gateway), PayaraMicro::start); // @AfterAll stops them anyway
        for (int i = 0; i < USERS; i++) {
            String name = "k" + UUID.randomUUID().toString().substring(0, 8);
            Http.Reply created = Shop.ADMIN.post(userA.url() + "/user/api/users", "{\"username\":\"" + name
                    + "\",\"email\":\"" + name + "@example.org\",\"displayName\":\"" + name + "\"}");
            assertEquals(201, created.status(), created::toString);
            USER_IDS.add(created.json().getString("id"));
        }
    }

    private static PayaraMicro userInstance(String name) {
        return Wars.service(postgres.onPostgres(Shop.lean(name), "user", "users"), "user").build();
    }

    @AfterAll
    static void stop() {
        if (postgres == null) {
            return;
        }
        try {
            PayaraMicro.inParallel(Stream.of(gateway, userA, userB)
                    .filter(i -> i != null && i.isAlive()).toList(), PayaraMicro::close);
        } finally {
            postgres.drop();
        }
    }

    static Http.Reply readUser(int n) {
        return Http.get(gateway.url() + "/api/users/" + USER_IDS.get(n % USERS), "Authorization", AUTHORIZATION);
    }

    @Test
    void killingOneOfTwoUserInstancesFailsNoRequestSentAfterItAndNeverEjectsTheSurvivor() {
        String survivor = userA.url() + "/user";
        String victim = userB.url() + "/user";
        List<Result> warmUp = runFor(WARM_UP); // compiled and connected: not judged

        try (RouteWatch routes = RouteWatch.start(gateway.url(), "user");
             GetLoad load = GetLoad.start(CONNECTIONS, UserInstanceKilledIT::readUser)) {
            hold(BEFORE_KILL);
            Instant killedAt = Instant.now();
            userB.kill();
            Instant dead = Instant.now();
            hold(AFTER_KILL);
            List<Result> results = load.stop();
            routes.close();

            // one request per connection at a time: at most CONNECTIONS were under way when the kill began
            List<Result> before = select(results, r -> r.answered().isBefore(killedAt));
            List<Result> inFlight = select(results, r -> r.inFlightAt(killedAt));
            List<Result> after = select(results, r -> !r.sent().isBefore(killedAt));
            Instant ejected = routes.firstEjected(victim);
            LOG.info(() -> String.format("user instance B killed under %d connections of GETs (warm-up %d requests, "
                            + "%d failed; the kill took %d ms): %d requests, %d answered before the kill (%d failed), "
                            + "%d in flight at the kill (%d failed), %d sent after it in %d ms (%d failed, slowest "
                            + "%d ms); B ejected %s ms after the kill; gateway: %s", CONNECTIONS, warmUp.size(),
                    failed(warmUp).size(), Duration.between(killedAt, dead).toMillis(), results.size(),
                    before.size(), failed(before).size(), inFlight.size(), failed(inFlight).size(), after.size(),
                    AFTER_KILL.toMillis() + Duration.between(killedAt, dead).toMillis(), failed(after).size(),
                    slowest(after).toMillis(),
                    ejected == null ? "never" : Duration.between(killedAt, ejected).toMillis(), routes));

            assertAll("one of two user instances killed under load",
                    () -> assertEquals(List.of(), failed(before), "before the kill"),
                    () -> assertTrue(inFlight.size() <= CONNECTIONS, inFlight::toString),
                    () -> assertEquals(List.of(), failed(after), "sent after the kill"),
                    () -> assertTrue(after.size() >= CONNECTIONS, "the load went on: " + after.size()),
                    () -> assertTrue(routes.samples() >= 10, routes::toString),
                    () -> assertEquals(Set.of("up"), routes.statusesOf(survivor),
                            "the survivor is never ejected: " + routes));
        }
    }

    /** A load of its own for {@code duration}, to warm the JVMs up; its results. */
    private static List<Result> runFor(Duration duration) {
        try (GetLoad load = GetLoad.start(CONNECTIONS, UserInstanceKilledIT::readUser)) {
            hold(duration);
            return load.stop();
        }
    }

    /** Lets the load run for {@code duration} (polling the clock, not sleeping a fixed time per step). */
    private static void hold(Duration duration) {
        Instant until = Instant.now().plus(duration);
        while (Instant.now().isBefore(until)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static List<Result> select(List<Result> results, Predicate<Result> which) {
        return results.stream().filter(which).toList();
    }

    private static List<Result> failed(List<Result> results) {
        return select(results, r -> !r.ok());
    }

    private static Duration slowest(List<Result> results) {
        return results.stream().map(r -> Duration.between(r.sent(), r.answered())).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }
}
