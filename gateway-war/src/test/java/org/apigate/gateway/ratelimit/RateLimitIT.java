package org.apigate.gateway.ratelimit;

import jakarta.json.JsonObject;
import org.apigate.gateway.backend.ScrapedMetrics;
import org.apigate.gateway.probe.ProbeResource;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limiting on real Payara Micro (its JCache, under {@code --nocluster}), with the issuer's key as a PEM file:
 * exactness under concurrency, the headers, 429 with Retry-After, independence of subjects and policies, live
 * configuration, and that unauthenticated requests consume nothing.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

    static final int QUOTA = 17;
    static final int WINDOW = 60;
    static final int BURST = 3;
    static final Pattern STATE = Pattern.compile("\"(?<policy>[a-z]+)\";r=(?<r>\\d+);t=(?<t>\\d+)");
    private static final Logger LOG = Logger.getLogger(RateLimitIT.class.getName());

    @Deployment(testable = false)
    static WebArchive gateway() {
        return PackagedWar.withConfig("gateway", Map.of(
                        "mp.jwt.verify.publickey.location", TestKeys.rsaPublicKeyPem(Path.of("target", "test-keys", "ratelimit")),
                        "mp.jwt.verify.issuer", Tokens.ISSUER,
                        "gateway.ratelimit.limit", String.valueOf(QUOTA),
                        "gateway.ratelimit.window", String.valueOf(WINDOW),
                        "gateway.ratelimit.burst.limit", String.valueOf(BURST),
                        "gateway.ratelimit.short.limit", "2",
                        "gateway.ratelimit.short.window", "2",
                        // a change applies to the very next request here (the WAR lets Payara cache values for 1 s)
                        "mp.config.cache.duration", "0"))
                .addClass(ProbeResource.class);
    }

    @ArquillianResource
    URL base;

    String probe;

    @BeforeEach
    void locate() {
        probe = Loopback.deployment(base, "") + "/probe";
    }

    static String unique() {
        return "s-" + UUID.randomUUID();
    }

    static Http.Reply call(String url, String token) {
        return Http.get(url, "Authorization", "Bearer " + token);
    }

    /** The remaining units and the reset seconds of a {@code RateLimit} field, checking its policy. */
    static long[] state(Http.Reply reply, String policy) {
        String field = reply.header("RateLimit");
        Matcher matcher = STATE.matcher(field == null ? "" : field);
        assertTrue(matcher.matches(), () -> "RateLimit field: " + reply);
        assertEquals(policy, matcher.group("policy"));
        return new long[] {Long.parseLong(matcher.group("r")), Long.parseLong(matcher.group("t"))};
    }

    /**
     * A counted admission leaves the counted span up to one bucket (a twentieth of the window) after it left the
     * window: the conservative part of the algorithm (see SubWindowCounts).
     */
    static long bucketSeconds(int window) {
        return (window + SubWindowCounts.BUCKETS - 1) / SubWindowCounts.BUCKETS;
    }

    static void assertRefused(Http.Reply reply, String policy, int quota, int window) {
        JsonObject problem = assertProblem(429, reply);
        assertTrue(problem.getString("detail").contains(String.valueOf(quota)), problem::toString);
        assertEquals("\"" + policy + "\";q=" + quota + ";w=" + window, reply.header("RateLimit-Policy"));
        long[] state = state(reply, policy);
        assertEquals(0, state[0]);
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= window + bucketSeconds(window), reply::toString);
        assertEquals(retryAfter, state[1], "t is the Retry-After of a refused request");
    }

    @Test
    void admitsExactlyTheQuotaOfConcurrentRequests() throws Exception {
        int requests = 60;
        String token = Tokens.customer(unique());
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return call(probe + "/limited", token);
                }));
            }
            Instant started = Instant.now();
            start.countDown();
            List<Http.Reply> admitted = new ArrayList<>();
            int refused = 0;
            for (Future<Http.Reply> future : replies) {
                Http.Reply reply = future.get(60, TimeUnit.SECONDS);
                if (reply.status() == 200) {
                    admitted.add(reply);
                } else {
                    assertRefused(reply, "default", QUOTA, WINDOW);
                    refused++;
                }
            }
            LOG.info(() -> requests + " concurrent requests against a quota of " + QUOTA + ": " + admitted.size()
                    + " admitted, in " + Duration.between(started, Instant.now()).toMillis() + " ms");

            assertEquals(QUOTA, admitted.size());
            assertEquals(requests - QUOTA, refused);
            // each admission saw its own count: the remaining values are exactly QUOTA-1 .. 0, each once
            Set<Long> remaining = admitted.stream().map(r -> state(r, "default")[0])
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(IntStream.range(0, QUOTA).mapToObj(Long::valueOf).collect(Collectors.toSet()), remaining);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void describesThePolicyAndTheStateOnEveryResponse() {
        String token = Tokens.customer(unique());

        Http.Reply first = call(probe + "/limited", token);
        assertEquals(200, first.status(), first::toString);
        assertEquals("\"default\";q=17;w=60", first.header("RateLimit-Policy"));
        long[] firstState = state(first, "default");
        assertEquals(16, firstState[0]);
        // the unit comes back when its 3 s bucket leaves the counted span: 60 s + up to one bucket from now
        assertTrue(firstState[1] > WINDOW && firstState[1] <= WINDOW + bucketSeconds(WINDOW), first::toString);
        assertNull(first.header("Retry-After"));

        long[] second = state(call(probe + "/limited", token), "default");
        assertEquals(15, second[0]);
        assertTrue(second[1] >= WINDOW - 1 && second[1] <= WINDOW + bucketSeconds(WINDOW), () -> "t=" + second[1]);

        Http.Reply failed = call(probe + "/limited/failing", token);
        assertProblem(502, failed);
        assertEquals(14, state(failed, "default")[0], "an upstream failure still counts and still says so");
        assertEquals("\"default\";q=17;w=60", failed.header("RateLimit-Policy"));

        Http.Reply unlimited = call(probe + "/caller", token);
        assertEquals(200, unlimited.status());
        assertNull(unlimited.header("RateLimit"));
        assertNull(unlimited.header("RateLimit-Policy"));
    }

    @Test
    void refusesOverQuotaWith429AndRetryAfter() {
        String token = Tokens.customer(unique());
        for (int i = BURST - 1; i >= 0; i--) {
            Http.Reply admitted = call(probe + "/limited/burst", token);
            assertEquals(200, admitted.status(), admitted::toString);
            assertEquals(i, state(admitted, "burst")[0]);
        }

        assertRefused(call(probe + "/limited/burst", token), "burst", BURST, WINDOW);
        assertRefused(call(probe + "/limited/burst", token), "burst", BURST, WINDOW);
    }

    @Test
    void admitsAgainWhenRetryAfterHasPassed() throws InterruptedException {
        String token = Tokens.customer(unique());
        Instant firstAdmission = Instant.now();
        assertEquals(200, call(probe + "/limited/short", token).status());
        assertEquals(200, call(probe + "/limited/short", token).status());
        Http.Reply refused = call(probe + "/limited/short", token);
        assertRefused(refused, "short", 2, 2);

        Instant deadline = Instant.now().plusSeconds(Long.parseLong(refused.header("Retry-After")) + 2);
        Http.Reply reply = call(probe + "/limited/short", token);
        while (reply.status() == 429 && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(100);
            reply = call(probe + "/limited/short", token);
        }

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(Duration.between(firstAdmission, Instant.now()).toMillis() >= 2000,
                "a third admission within the 2 s window would exceed the quota");
    }

    @Test
    void countsRejectionsByPolicy() {
        String server = Loopback.deployment(base, "");
        Map<String, String> burst = Map.of("policy", "burst");
        double before = ScrapedMetrics.of(server).value("gateway_ratelimit_rejections_total", burst);
        String token = Tokens.customer(unique());
        for (int i = 0; i < BURST; i++) {
            assertEquals(200, call(probe + "/limited/burst", token).status());
        }
        assertRefused(call(probe + "/limited/burst", token), "burst", BURST, WINDOW);

        assertEquals(before + 1, ScrapedMetrics.of(server).value("gateway_ratelimit_rejections_total", burst));
    }

    @Test
    void keepsSubjectsAndPoliciesApart() {
        String alice = Tokens.customer(unique());
        String bob = Tokens.customer(unique());
        for (int i = 0; i < BURST; i++) {
            assertEquals(200, call(probe + "/limited/burst", alice).status());
        }
        assertRefused(call(probe + "/limited/burst", alice), "burst", BURST, WINDOW);

        assertEquals(BURST - 1, state(call(probe + "/limited/burst", bob), "burst")[0], "another subject");
        assertEquals(QUOTA - 1, state(call(probe + "/limited", alice), "default")[0], "another policy");
    }

    @Test
    void appliesAConfigurationChangeToTheNextRequest() {
        String token = Tokens.customer(unique());
        Http.Reply before = call(probe + "/limited/live", token);
        assertEquals("\"live\";q=17;w=60", before.header("RateLimit-Policy"), "falls back to the default policy");

        Http.Reply changed = Http.put(probe + "/system-property/gateway.ratelimit.live.limit", "2");
        assertEquals(204, changed.status(), changed::toString);

        Http.Reply after = call(probe + "/limited/live", token);
        assertEquals(200, after.status());
        assertEquals("\"live\";q=2;w=60", after.header("RateLimit-Policy"));
        assertEquals(0, state(after, "live")[0]);
        assertRefused(call(probe + "/limited/live", token), "live", 2, WINDOW);

        assertEquals(204, Http.put(probe + "/system-property/gateway.ratelimit.live.limit", "5").status());
        Http.Reply raised = call(probe + "/limited/live", token);
        assertEquals(200, raised.status(), "a value read before is not served from a cache");
        assertEquals("\"live\";q=5;w=60", raised.header("RateLimit-Policy"));
        assertEquals(2, state(raised, "live")[0]);
    }

    @Test
    void neverCountsUnauthenticatedRequests() {
        String subject = unique();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, call(probe + "/limited/burst",
                    Tokens.forSubject(subject).groups("customer").signedByAttacker().sign()).status());
            assertEquals(401, Http.get(probe + "/limited/burst").status());
        }

        Http.Reply first = call(probe + "/limited/burst", Tokens.customer(subject));
        assertEquals(200, first.status());
        assertEquals(BURST - 1, state(first, "burst")[0]);
    }
}
