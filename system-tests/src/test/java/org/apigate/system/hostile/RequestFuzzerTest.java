package org.apigate.system.hostile;

import org.apigate.system.hostile.FuzzRequest.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fuzz generator is reproducible from its seed, and everything it generates can be sent. */
class RequestFuzzerTest {

    private static final FuzzFixture FIXTURE = new FuzzFixture(List.of("SKU-A", "user-1", "order-1"),
            List.of("Bearer valid"), List.of("Bearer forged"), 0.5);

    @ParameterizedTest
    @EnumSource(Target.class)
    void theSameSeedGivesTheSameRequests(Target target) {
        assertEquals(describe(new RequestFuzzer(42, target, FIXTURE).generate(500)),
                describe(new RequestFuzzer(42, target, FIXTURE).generate(500)));
        assertNotEquals(describe(new RequestFuzzer(42, target, FIXTURE).generate(50)),
                describe(new RequestFuzzer(43, target, FIXTURE).generate(50)));
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void everyRequestCanBeSent(Target target) {
        for (FuzzRequest request : new RequestFuzzer(7, target, FIXTURE).generate(10_000)) {
            request.toHttpRequest("http://127.0.0.1:1", Duration.ofSeconds(1));
        }
    }

    @Test
    void someBodiesAreDeeplyNestedAndSomeHuge() {
        List<FuzzRequest> requests = new RequestFuzzer(1, Target.USER, FIXTURE).generate(10_000);
        assertTrue(requests.stream().anyMatch(r -> r.body().length > 1_000_000), "no huge body");
        assertTrue(requests.stream().anyMatch(r -> r.body().length == 2 * FuzzBodies.DEEP), "no deep body");
    }

    private static List<String> describe(List<FuzzRequest> requests) {
        return requests.stream().map(FuzzRequest::toString).toList();
    }
}
