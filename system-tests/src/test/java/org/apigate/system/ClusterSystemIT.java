package org.apigate.system;

import org.apigate.testing.Http;
import org.apigate.testing.Listeners;
import org.apigate.testing.LoopbackDataGrid;
import org.apigate.testing.PayaraMicro;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clustered gateway as an operator runs it: two gateway instances in one Payara data grid (loopback TCP/IP
 * discovery only) behind HAProxy with the configuration of {@code server-config/lb/haproxy.cfg}, in front of the real
 * user service. The rate limit is exact across both instances, and killing one costs clients nothing beyond the
 * requests it had in flight, while the rate-limit counters it owned survive on the other (Hazelcast backups).
 */
class ClusterSystemIT {

    private static final Logger LOG = Logger.getLogger(ClusterSystemIT.class.getName());
    private static final Path REPOSITORY = Path.of(System.getProperty("apigate.repository", ".."))
            .toAbsolutePath().normalize();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int QUOTA = 17;
    private static final Pattern REMAINING = Pattern.compile(";r=(\\d+)");
    /** Quicker boots on a busy machine (three at once here): the client compiler only, the serial collector. */
    private static final String QUICK_BOOT = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    static LoopbackDataGrid grid;
    static PayaraMicro user;
    static final PayaraMicro[] GATEWAYS = new PayaraMicro[2];
    static HaProxy loadBalancer;
    static String userId;

    @BeforeAll
    static void startCluster() {
        Instant started = Instant.now();
        grid = LoopbackDataGrid.of("apigate-it", 2);
        user = Wars.service(PayaraMicro.named("cluster-user"), "user")
                .property("user.datasource.url", Wars.h2(RUN, "user"))
                .environment("JAVA_TOOL_OPTIONS", QUICK_BOOT).build();
        user.start();
        for (int i = 0; i < GATEWAYS.length; i++) {
            GATEWAYS[i] = gateway(i);
        }
        // The gateways boot side by side (they find each other whatever their order: the tcpip member list names
        // both), but after the user service: three boots at once on a busy machine ran into the boot deadline.
        PayaraMicro.inParallel(List.of(GATEWAYS), PayaraMicro::start);
        for (PayaraMicro gateway : GATEWAYS) {
            awaitLog(gateway, 0, grid.stateLine(GATEWAYS.length));
        }
        loadBalancer = HaProxy.start(REPOSITORY.resolve("server-config/lb/haproxy.cfg"), "cluster-" + RUN,
                GATEWAYS[0], GATEWAYS[1]);
        userId = createUser();
        LOG.info(() -> String.format("user, 2 clustered gateways and HAProxy ready in %d ms (user %d ms, gateways %d"
                + " and %d ms)", Duration.between(started, Instant.now()).toMillis(), user.timeToReady().toMillis(),
                GATEWAYS[0].timeToReady().toMillis(), GATEWAYS[1].timeToReady().toMillis()));
    }

    private static PayaraMicro gateway(int member) {
        return Wars.gateway(PayaraMicro.named("cluster-gateway" + (member + 1)),
                        TestKeys.rsaPublicKeyPem(Path.of("target", "keys")), Map.of("user", user.url() + "/user"))
                .dataGridMember(grid, member)
                .environment("JAVA_TOOL_OPTIONS", QUICK_BOOT)
                .property("gateway.ratelimit.limit", String.valueOf(QUOTA))
                // longer than this class runs: no admission leaves the window while a test counts
                .property("gateway.ratelimit.window", "900")
                .build();
    }

    /** Waits until the instance's log, from byte {@code from} on, contains {@code text}. */
    private static void awaitLog(PayaraMicro instance, long from, String text) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!logFrom(instance, from).contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(instance.name() + " never logged \"" + text + "\"\n"
                        + instance.logTail());
            }
            pause(Duration.ofMillis(250));
        }
    }

    private static String logFrom(PayaraMicro instance, long from) {
        try {
            byte[] bytes = Files.readAllBytes(instance.log());
            int start = (int) Math.min(from, bytes.length);
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (loadBalancer != null) {
            loadBalancer.close();
        }
        for (PayaraMicro instance : new PayaraMicro[] {GATEWAYS[0], GATEWAYS[1], user}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    private static String createUser() {
        String name = "c" + RUN;
        Http.Reply created = Http.post(loadBalancer.url() + "/api/users", "{\"username\":\"" + name
                + "\",\"email\":\"" + name + "@example.org\",\"displayName\":\"" + name + "\"}",
                "Authorization", bearer("cluster-admin-" + RUN));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    /** An admin token of its own subject, i.e. its own rate-limit counter. */
    private static String bearer(String subject) {
        return "Bearer " + Tokens.admin(subject);
    }

    private static Http.Reply readUser(String authorization) {
        return Http.get(loadBalancer.url() + "/api/users/" + userId, "Authorization", authorization);
    }

    /** The data grid members listen, like their HTTP listeners, on loopback alone (TCP/IP discovery included). */
    @Test
    void theClusteredGatewaysListenOnLoopbackOnly() {
        for (PayaraMicro gateway : GATEWAYS) {
            Listeners.assertLoopbackOnly(gateway);
        }
    }

    @Test
    void theLoadBalancerRefusesTraceAndKeepsHealthAndMetricsOffThePublicEntryPoint() {
        assertEquals(405, Http.send("TRACE", loadBalancer.url() + "/api/users", "{\"x\":1}").status());
        for (String path : List.of("/health", "/health/ready", "/metrics", "//health", "/./metrics", "/%68ealth",
                "/HEALTH/ready", "/health;x=1", "/%2e/metrics", "/api/../metrics")) {
            assertEquals(404, Http.get(loadBalancer.url() + path).status(), path);
        }
        assertEquals(200, readUser(bearer("lb-rules-" + UUID.randomUUID())).status(), "the API itself is served");
    }

    @Test
    void concurrentRequestsThroughTheLoadBalancerAdmitExactlyTheQuotaAcrossBothInstances() throws Exception {
        String caller = bearer("burst-" + UUID.randomUUID());
        long[] before = responsesPerInstance();
        int requests = 60;
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(clients.submit(() -> {
                    go.await();
                    return readUser(caller).status();
                }));
            }
            go.countDown();
            int admitted = 0;
            int refused = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get(60, TimeUnit.SECONDS);
                admitted += code == 200 ? 1 : 0;
                refused += code == 429 ? 1 : 0;
            }
            long[] after = responsesPerInstance();
            long first = after[0] - before[0];
            long second = after[1] - before[1];
            LOG.info(String.format("%d concurrent requests, quota %d: %d admitted, %d refused; instance 1 answered"
                    + " %d, instance 2 %d", requests, QUOTA, admitted, refused, first, second));

            assertEquals(QUOTA, admitted, "exactly the quota is admitted, whichever instance counted");
            assertEquals(requests - QUOTA, refused, "every other request is refused with 429");
            assertTrue(first > 0 && second > 0, "both instances served: " + first + " / " + second);
        } finally {
            clients.shutdownNow();
        }
    }

    private static long[] responsesPerInstance() {
        return new long[] {loadBalancer.server("gateway1").responses(), loadBalancer.server("gateway2").responses()};
    }

    @Test
    void aKilledInstanceCostsNoRequestsBeyondThoseInFlightAndItsCountersSurvive() {
        // Twelve subjects use part of their quota first. Their counters are spread over both members' partitions:
        // that none of them lives on the killed member has a chance of 1 in 4096.
        int used = 5;
        List<String> witnesses = Stream.generate(() -> bearer("witness-" + UUID.randomUUID())).limit(12).toList();
        for (String witness : witnesses) {
            for (int i = 0; i < used; i++) {
                Http.Reply reply = readUser(witness);
                assertEquals(200, reply.status(), reply::toString);
            }
        }
        PayaraMicro victim = GATEWAYS[1];
        try {
            killUnderLoad(victim);
            // the subjects' counters continue where they were: the next request is number used + 1 of the quota
            for (String witness : witnesses) {
                assertEquals(QUOTA - used - 1, remaining(readUser(witness)), "the counter survived the kill");
            }
        } finally {
            // also when the checks above failed: the other test of this class needs both instances
            if (ProcessHandle.of(victim.pid()).filter(ProcessHandle::isAlive).isEmpty()) {
                rejoin(victim);
            }
        }
        for (String witness : witnesses) {
            assertEquals(QUOTA - used - 2, remaining(readUser(witness)), "the counter survived the rejoin");
        }
    }

    /**
     * Kills {@code victim} (SIGKILL, as a crash) while a bounded load runs through the load balancer: at most the
     * requests in flight at that moment may fail, and the load goes on succeeding through the other instance.
     */
    private static void killUnderLoad(PayaraMicro victim) {
        try (Load load = Load.start(4, ClusterSystemIT::readUser)) {
            load.awaitCompleted(40);
            int inFlight = load.inFlight();
            victim.kill();
            long completedAtKill = load.completed();
            long succeededAtKill = load.succeeded();
            load.awaitCompleted(completedAtKill + 150);
            Load.Tally tally = load.stop();
            long succeededAfter = tally.succeeded() - succeededAtKill;
            HaProxy.ServerStats killed = loadBalancer.server("gateway2");
            LOG.info(() -> String.format("load over the kill: %s (%d of them after it); %d in flight at the kill;"
                    + " HAProxy retried %d and redispatched %d requests of the killed instance", tally,
                    tally.completed() - completedAtKill, inFlight, killed.retries(), killed.redispatches()));

            // each worker has one request out at a time: at most that many can have been on the killed instance
            assertTrue(tally.failures().size() <= load.workers(), "at most the requests in flight at the kill fail ("
                    + load.workers() + " workers): " + tally);
            assertTrue(succeededAfter >= 100, "requests keep succeeding through the other instance: "
                    + succeededAfter + " after the kill; " + tally);
        }
    }

    /** The quota units left after this request, from its {@code RateLimit: "default";r=<remaining>;t=...}. */
    private static int remaining(Http.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        Matcher matcher = REMAINING.matcher(String.valueOf(reply.header("RateLimit")));
        assertTrue(matcher.find(), reply::toString);
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * Restarts the killed member: it joins the grid again (which then migrates partitions to it) and HAProxy's
     * health check sends it traffic again. Also leaves the cluster whole for the other test of this class.
     */
    private static void rejoin(PayaraMicro member) {
        long logBefore = member.log().toFile().length();
        member.start();
        awaitLog(member, logBefore, grid.stateLine(GATEWAYS.length));
        loadBalancer.awaitStatus("gateway2", "UP");
        long before = loadBalancer.server("gateway2").responses();
        String caller = bearer("after-rejoin-" + UUID.randomUUID());
        for (int i = 0; i < 4; i++) {
            assertEquals(200, readUser(caller).status());
        }
        assertTrue(loadBalancer.server("gateway2").responses() > before, "the rejoined instance serves again");
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
