package org.apigate.gateway.ratelimit;

import jakarta.json.JsonObject;
import org.apigate.gateway.backend.ScrapedMetrics;
import org.apigate.gateway.backend.GatewayArchive;
import org.apigate.gateway.backend.TestBackend;
import org.apigate.gateway.probe.ProbeResource;
import org.apigate.gateway.probe.LogProbe;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
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
 * Rate limiting on real Payara Micro (its JCache, under {@code --nocluster}), through routes to a stand-in backend
 * whose policies come from configuration: exactness under concurrency, the headers, 429 with Retry-After,
 * independence of subjects and policies, live configuration, and requests without a valid token counted per client
 * address under the anonymous policy.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

    static final int QUOTA = 17;
    static final int WINDOW = 60;
    static final int BURST = 3;
    static final Pattern STATE = Pattern.compile("\"(?<policy>[a-z]+)\";r=(?<r>\\d+);t=(?<t>\\d+)");
    private static final Logger LOG = Logger.getLogger(RateLimitIT.class.getName());

    static final TestBackend BACKEND = TestBackend.start("limited");
    static final int ANONYMOUS_QUOTA = 5;
    /** The credentials of the test's own calls to the operators' area (admins only). */
    static final String[] OPERATOR = {"Authorization", "Bearer " + Tokens.admin("operator")};

    @Deployment(testable = false)
    static WebArchive gateway() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("gateway.ratelimit.limit", String.valueOf(QUOTA));
        settings.put("gateway.ratelimit.window", String.valueOf(WINDOW));
        settings.put("gateway.ratelimit.burst.limit", String.valueOf(BURST));
        settings.put("gateway.ratelimit.short.limit", "2");
        settings.put("gateway.ratelimit.short.window", "2");
        settings.put("gateway.ratelimit.anonymous.limit", String.valueOf(ANONYMOUS_QUOTA));
        // a change applies to the very next request here (the WAR lets Payara cache values for 1 s)
        settings.put("mp.config.cache.duration", "0");
        settings.put("gateway.service.probe.urls", BACKEND.url("/probe"));
        settings.put("gateway.service.gone.urls", "http://127.0.0.1:" + TestBackend.closedPort() + "/gone");
        settings.put("gateway.routes", "limited,burst,short,live,failing,open");
        route(settings, "limited", "probe", null);
        route(settings, "burst", "probe", "burst");
        route(settings, "short", "probe", "short");
        route(settings, "live", "probe", "live");
        route(settings, "failing", "gone", null);
        route(settings, "open", "probe", null);
        settings.put("gateway.route.open.auth", "none");
        return GatewayArchive.withConfig(settings).addClasses(ProbeResource.class, LogProbe.class);
    }

    static void route(Map<String, String> settings, String name, String service, String policy) {
        settings.put("gateway.route." + name + ".path", "/api/" + name);
        settings.put("gateway.route." + name + ".service", service);
        if (policy != null) {
            settings.put("gateway.route." + name + ".ratelimit", policy);
        }
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @ArquillianResource
    URL base;

    String api;
    String probe;

    @BeforeEach
    void locate() {
        api = Loopback.deployment(base, "") + "/api";
        probe = Loopback.deployment(base, "") + "/admin/probe";
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
                    return call(api + "/limited", token);
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

        Http.Reply first = call(api + "/limited", token);
        assertEquals(200, first.status(), first::toString);
        assertEquals("\"default\";q=17;w=60", first.header("RateLimit-Policy"));
        long[] firstState = state(first, "default");
        assertEquals(16, firstState[0]);
        // the unit comes back when its 3 s bucket leaves the counted span: 60 s + up to one bucket from now
        assertTrue(firstState[1] > WINDOW && firstState[1] <= WINDOW + bucketSeconds(WINDOW), first::toString);
        assertNull(first.header("Retry-After"));

        long[] second = state(call(api + "/limited", token), "default");
        assertEquals(15, second[0]);
        assertTrue(second[1] >= WINDOW - 1 && second[1] <= WINDOW + bucketSeconds(WINDOW), () -> "t=" + second[1]);

        Http.Reply failed = call(api + "/failing", token);
        assertProblem(502, failed);
        assertEquals(14, state(failed, "default")[0], "an upstream failure still counts and still says so");
        assertEquals("\"default\";q=17;w=60", failed.header("RateLimit-Policy"));

        Http.Reply unlimited = Http.get(probe + "/caller", OPERATOR); // the operators' area has no quota
        assertEquals(200, unlimited.status());
        assertNull(unlimited.header("RateLimit"));
        assertNull(unlimited.header("RateLimit-Policy"));
    }

    @Test
    void refusesOverQuotaWith429AndRetryAfter() {
        String token = Tokens.customer(unique());
        for (int i = BURST - 1; i >= 0; i--) {
            Http.Reply admitted = call(api + "/burst", token);
            assertEquals(200, admitted.status(), admitted::toString);
            assertEquals(i, state(admitted, "burst")[0]);
        }

        assertRefused(call(api + "/burst", token), "burst", BURST, WINDOW);
        assertRefused(call(api + "/burst", token), "burst", BURST, WINDOW);
    }

    @Test
    void admitsAgainWhenRetryAfterHasPassed() throws InterruptedException {
        String token = Tokens.customer(unique());
        Instant firstAdmission = Instant.now();
        assertEquals(200, call(api + "/short", token).status());
        assertEquals(200, call(api + "/short", token).status());
        Http.Reply refused = call(api + "/short", token);
        assertRefused(refused, "short", 2, 2);

        Instant deadline = Instant.now().plusSeconds(Long.parseLong(refused.header("Retry-After")) + 2);
        Http.Reply reply = call(api + "/short", token);
        while (reply.status() == 429 && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(100);
            reply = call(api + "/short", token);
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
            assertEquals(200, call(api + "/burst", token).status());
        }
        assertRefused(call(api + "/burst", token), "burst", BURST, WINDOW);

        assertEquals(before + 1, ScrapedMetrics.of(server).value("gateway_ratelimit_rejections_total", burst));
    }

    @Test
    void keepsSubjectsAndPoliciesApart() {
        String alice = Tokens.customer(unique());
        String bob = Tokens.customer(unique());
        for (int i = 0; i < BURST; i++) {
            assertEquals(200, call(api + "/burst", alice).status());
        }
        assertRefused(call(api + "/burst", alice), "burst", BURST, WINDOW);

        assertEquals(BURST - 1, state(call(api + "/burst", bob), "burst")[0], "another subject");
        assertEquals(QUOTA - 1, state(call(api + "/limited", alice), "default")[0], "another policy");
    }

    @Test
    void appliesAConfigurationChangeToTheNextRequest() {
        String token = Tokens.customer(unique());
        Http.Reply before = call(api + "/live", token);
        assertEquals("\"live\";q=17;w=60", before.header("RateLimit-Policy"), "falls back to the default policy");

        Http.Reply changed = Http.put(probe + "/system-property/gateway.ratelimit.live.limit", "2", OPERATOR);
        assertEquals(204, changed.status(), changed::toString);

        Http.Reply after = call(api + "/live", token);
        assertEquals(200, after.status());
        assertEquals("\"live\";q=2;w=60", after.header("RateLimit-Policy"));
        assertEquals(0, state(after, "live")[0]);
        assertRefused(call(api + "/live", token), "live", 2, WINDOW);

        assertEquals(204, Http.put(probe + "/system-property/gateway.ratelimit.live.limit", "5", OPERATOR).status());
        Http.Reply raised = call(api + "/live", token);
        assertEquals(200, raised.status(), "a value read before is not served from a cache");
        assertEquals("\"live\";q=5;w=60", raised.header("RateLimit-Policy"));
        assertEquals(2, state(raised, "live")[0]);
    }

    @Test
    void countsRequestsWithoutAValidTokenPerAddressUnderTheAnonymousPolicy() {
        assertEquals(204, Http.put(probe + "/log/root", "", OPERATOR).status());
        String forged = Tokens.forSubject(unique()).groups("customer").signedByAttacker().sign();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < ANONYMOUS_QUOTA + 3; i++) {
            Http.Reply reply = i % 2 == 0 ? call(api + "/burst", forged) : Http.get(api + "/burst");
            statuses.add(reply.status());
            if (reply.status() == 429) {
                assertRefused(reply, "anonymous", ANONYMOUS_QUOTA, WINDOW);
            } else {
                assertEquals(401, reply.status(), reply::toString);
                assertEquals("\"anonymous\";q=" + ANONYMOUS_QUOTA + ";w=" + WINDOW, reply.header("RateLimit-Policy"));
            }
        }
        // this test's address may have spent some of the anonymous quota in other tests: never more than the quota
        assertTrue(statuses.stream().filter(status -> status == 401).count() <= ANONYMOUS_QUOTA, statuses::toString);
        assertEquals(429, statuses.get(statuses.size() - 1), statuses::toString);

        String subject = unique();
        assertEquals(BURST - 1, state(call(api + "/burst", Tokens.customer(subject)), "burst")[0],
                "a valid token counts per subject, apart from the anonymous quota");
        Http.Reply thrown = Http.get(probe + "/log/root/thrown", OPERATOR);
        assertEquals(0, thrown.jsonArray().size(), () -> "refused tokens are logged without stack traces: " + thrown);
    }

    @Test
    void countsAPublicRoutesCallersPerSubjectOrPerAddressUnderItsPolicy() {
        String subject = unique();
        Http.Reply authenticated = call(api + "/open", Tokens.customer(subject));
        assertEquals(200, authenticated.status(), authenticated::toString);
        assertEquals("\"default\";q=" + QUOTA + ";w=" + WINDOW, authenticated.header("RateLimit-Policy"));
        assertEquals(QUOTA - 1, state(authenticated, "default")[0]);

        Http.Reply anonymous = Http.get(api + "/open");
        assertEquals(200, anonymous.status(), anonymous::toString);
        assertEquals("\"default\";q=" + QUOTA + ";w=" + WINDOW, anonymous.header("RateLimit-Policy"));
        assertEquals(QUOTA - 1, state(anonymous, "default")[0], "per address, apart from the subject's count");
    }
}
