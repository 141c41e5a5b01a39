package org.apigate.gateway.routing.boundary;

import jakarta.json.JsonObject;
import org.apigate.gateway.backend.Await;
import org.apigate.gateway.backend.GatewayArchive;
import org.apigate.gateway.backend.LiveConfigSource;
import org.apigate.gateway.backend.RouteConfig;
import org.apigate.gateway.backend.TestBackend;
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

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weighted round-robin on real Payara Micro: two stand-in instances of one service configured with
 * {@code ;weight=9} and {@code ;weight=1} share 10,000 requests 90/10 (within 2 points), sent by a few concurrent
 * clients; weight 0, set at run time, drains an instance (within the config cache time, 1 s as shipped).
 */
@ExtendWith(ArquillianExtension.class)
class WeightsIT {

    static final int REQUESTS = 10_000;
    static final int CLIENTS = 4;
    static final double TOLERANCE = 0.02;
    private static final Logger LOG = Logger.getLogger(WeightsIT.class.getName());

    static final TestBackend HEAVY = TestBackend.start("heavy");
    static final TestBackend LIGHT = TestBackend.start("light");
    static final Path LIVE_CONFIG = Path.of("target", "it-live", "weights.properties");
    static final String CUSTOMER = "Bearer " + Tokens.customer("weights-customer");

    @Deployment(testable = false)
    static WebArchive gateway() throws IOException {
        Files.createDirectories(LIVE_CONFIG.getParent());
        LiveConfigSource.write(LIVE_CONFIG, Map.of());
        return GatewayArchive.withLiveConfig(weighted(9, 1)
                .set("gateway.ratelimit.limit", "1000000") // every request of this class by one subject
                // the shipped cache time, not the live archives' 0: with 0, every config lookup of every request
                // reads the live file again, and 10,000 requests took 150 s instead of seconds
                .set("mp.config.cache.duration", "1000")
                .toMap(), LIVE_CONFIG);
    }

    static RouteConfig weighted(int heavy, int light) {
        return RouteConfig.routes()
                .route("weighted", "/api/weighted", "weighted")
                .service("weighted", HEAVY.url("/w") + ";weight=" + heavy + "," + LIGHT.url("/w") + ";weight=" + light);
    }

    @AfterAll
    static void stopBackends() {
        Stream.of(HEAVY, LIGHT).forEach(TestBackend::close);
    }

    @ArquillianResource
    URL base;

    String gateway;

    @BeforeEach
    void locate() {
        gateway = Loopback.deployment(base, "");
    }

    @Test
    void splitsRequestsByWeightAndDrainsAnInstanceOfWeightZero() throws Exception {
        String batch = "it-" + UUID.randomUUID();
        long start = System.nanoTime();
        int answered = sendConcurrently(batch, REQUESTS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        long heavy = HEAVY.count(r -> r.path().startsWith("/w/api/weighted/" + batch));
        long light = LIGHT.count(r -> r.path().startsWith("/w/api/weighted/" + batch));
        double heavyShare = (double) heavy / REQUESTS;
        LOG.info(() -> String.format("%d requests by %d clients in %d ms: heavy (weight 9) %d = %.2f %%, light "
                + "(weight 1) %d = %.2f %%", REQUESTS, CLIENTS, took.toMillis(), heavy, 100 * heavyShare, light,
                100.0 * light / REQUESTS));
        assertEquals(REQUESTS, answered, "every request answered 200");
        assertEquals(REQUESTS, heavy + light, "each request reached exactly one instance");
        assertTrue(Math.abs(heavyShare - 0.9) <= TOLERANCE, () -> "heavy's share " + heavyShare);
        assertTrue(Math.abs((double) light / REQUESTS - 0.1) <= TOLERANCE, () -> "light's share " + light);

        LiveConfigSource.write(LIVE_CONFIG, weighted(0, 1).toMap());
        try {
            Await.until(Duration.ofSeconds(10), () -> weights().equals(List.of(0, 1)), "weight 0 in force");
            String drained = "it-" + UUID.randomUUID();
            assertEquals(200, sendConcurrently(drained, 200));
            assertEquals(0, HEAVY.count(r -> r.path().startsWith("/w/api/weighted/" + drained)), "drained");
            assertEquals(200, LIGHT.count(r -> r.path().startsWith("/w/api/weighted/" + drained)));
        } finally {
            LiveConfigSource.write(LIVE_CONFIG, Map.of());
        }
    }

    /** Sends {@code requests} GETs below {@code /api/weighted/<batch>/} from {@link #CLIENTS} threads; the 200s. */
    int sendConcurrently(String batch, int requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                counts.add(clients.submit(() -> {
                    int ok = 0;
                    for (int i = client; i < requests; i += CLIENTS) {
                        Http.Reply reply = Http.get(gateway + "/api/weighted/" + batch + "/" + i,
                                "Authorization", CUSTOMER);
                        ok += reply.status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> count : counts) {
                ok += count.get(5, TimeUnit.MINUTES);
            }
            return ok;
        } finally {
            clients.shutdownNow();
        }
    }

    List<Integer> weights() {
        Http.Reply routes = Http.get(gateway + "/admin/routes", "Authorization", "Bearer " + Tokens.admin("ops"));
        assertEquals(200, routes.status(), routes::toString);
        return routes.json().getJsonArray("routes").getValuesAs(JsonObject.class).get(0).getJsonArray("instances")
                .getValuesAs(JsonObject.class).stream().map(i -> i.getInt("weight")).toList();
    }
}
