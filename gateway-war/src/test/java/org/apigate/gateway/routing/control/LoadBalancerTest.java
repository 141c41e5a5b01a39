package org.apigate.gateway.routing.control;

import org.apigate.gateway.config.CachedConfig;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.routing.entity.Instance;
import org.apigate.gateway.routing.entity.UpstreamFailure;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smooth weighted round-robin over the instances in rotation, the others in rotation as failover, panic routing
 * when passive health ejected them all, and 503 only when none is configured.
 */
class LoadBalancerTest {

    static final URI A = URI.create("http://10.0.0.1:8080/a");
    static final URI B = URI.create("http://10.0.0.2:8080/b");
    static final URI C = URI.create("http://10.0.0.3:8080/c");

    final TestConfig config = TestConfig.of("gateway.proxy.eject-after", "1", "gateway.proxy.eject-for", "PT30S",
            "gateway.proxy.max-ejection-percent", "100");
    final PassiveHealth health = new PassiveHealth(new ProxySettings(config), new TestClock());
    final LoadBalancer balancer = new LoadBalancer(health);

    static List<Instance> weighted(Object... urlsAndWeights) {
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < urlsAndWeights.length; i += 2) {
            instances.add(new Instance((URI) urlsAndWeights[i], (Integer) urlsAndWeights[i + 1]));
        }
        return instances;
    }

    List<URI> firstPicks(List<Instance> instances, int picks) {
        List<URI> firsts = new ArrayList<>(picks);
        for (int i = 0; i < picks; i++) {
            firsts.add(balancer.candidates("s", instances).get(0));
        }
        return firsts;
    }

    void eject(URI instance, List<Instance> siblings) {
        assertTrue(health.failed("s", instance, UpstreamFailure.Kind.REFUSED, siblings));
    }

    @Test
    void splitsNinetyToTenExactly() {
        Map<URI, Integer> counts = new HashMap<>();
        for (URI first : firstPicks(weighted(A, 90, B, 10), 10_000)) {
            counts.merge(first, 1, Integer::sum);
        }

        assertTrue(Math.abs(counts.get(A) - 9_000) <= 200, counts::toString);
        assertEquals(Map.of(A, 9_000, B, 1_000), counts, "smooth weighted round-robin is exact");
    }

    @Test
    void spreadsTheSmallShareEvenly() {
        List<URI> picks = firstPicks(weighted(A, 9, B, 1), 100);

        for (int window = 0; window < 100; window += 10) {
            assertEquals(1, picks.subList(window, window + 10).stream().filter(B::equals).count(),
                    "one B in every 10 picks, not ten in a row: " + picks);
        }
    }

    @Test
    void interleavesAsNginxDoes() {
        assertEquals(List.of(A, A, B, A, C, A, A), firstPicks(weighted(A, 5, B, 1, C, 1), 7));
    }

    @Test
    void equalWeightsAlternate() {
        assertEquals(List.of(A, B, A, B, A, B), firstPicks(weighted(A, 1, B, 1), 6));
        assertEquals(List.of(A, B, C, A, B, C), firstPicks(weighted(A, 3, B, 3, C, 3), 6));
    }

    @Test
    void offersTheOthersAsFailoverInConfiguredOrder() {
        List<Instance> instances = weighted(A, 1, B, 1, C, 1);

        assertEquals(List.of(A, B, C), balancer.candidates("s", instances));
        assertEquals(List.of(B, A, C), balancer.candidates("s", instances));
        assertEquals(List.of(C, A, B), balancer.candidates("s", instances));
    }

    @Test
    void keepsOneTurnPerService() {
        List<Instance> instances = weighted(A, 1, B, 1);

        assertEquals(A, balancer.candidates("one", instances).get(0));
        assertEquals(A, balancer.candidates("other", instances).get(0));
        assertEquals(B, balancer.candidates("one", instances).get(0));
    }

    @Test
    void neverPicksNorOffersADrainedInstance() {
        List<Instance> instances = weighted(A, 0, B, 1, C, 1);

        for (int i = 0; i < 10; i++) {
            assertFalse(balancer.candidates("s", instances).contains(A));
        }
    }

    @Test
    void skipsAnEjectedInstance() {
        List<Instance> instances = weighted(A, 1, B, 1, C, 1);
        eject(B, instances);

        for (int i = 0; i < 6; i++) {
            List<URI> candidates = balancer.candidates("s", instances);
            assertFalse(candidates.contains(B), candidates::toString);
            assertEquals(2, candidates.size());
        }
    }

    @Test
    void triesEveryInstanceWhenAllAreEjected() {
        List<Instance> instances = weighted(A, 3, B, 1);
        eject(A, instances);
        eject(B, instances);

        List<URI> candidates = balancer.candidates("s", instances);

        assertEquals(2, candidates.size(), "panic routing: every instance rather than a 503");
        assertTrue(candidates.containsAll(List.of(A, B)));
    }

    @Test
    void noInstanceConfiguredOrAllDrainedIs503() {
        for (List<Instance> instances : List.of(List.<Instance>of(), weighted(A, 0, B, 0))) {
            ProblemException e = assertThrows(ProblemException.class, () -> balancer.candidates("s", instances));
            assertEquals(503, e.problem().status());
            assertTrue(e.problem().type().endsWith("/no-healthy-instance"), e.problem().type());
        }
    }

    @Test
    void readsTheInstancesFromTheDirectory() {
        ServiceDirectory directory = new ServiceDirectory();
        directory.config = new CachedConfig(TestConfig.of("gateway.service.s.urls", A + ";weight=2," + B), 0);
        balancer.directory = directory;

        assertEquals(List.of(A, B, A), List.of(balancer.candidates("s").get(0), balancer.candidates("s").get(0),
                balancer.candidates("s").get(0)));
        assertEquals(weighted(A, 2, B, 1), balancer.configured("s"));
    }
}
