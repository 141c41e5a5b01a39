package org.apigate.gateway.routing.entity;

import org.apigate.gateway.routing.entity.UpstreamFailure.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failed calls may be sent again, by the failure's kind, the method and the client's Idempotency-Key. */
class UpstreamFailureTest {

    static UpstreamRequest request(String method, Map<String, List<String>> headers, RequestBody body) {
        return new UpstreamRequest(method, "svc", "/api/x", headers, body, Duration.ofSeconds(1));
    }

    static boolean retries(Kind kind, UpstreamRequest request) {
        return new UpstreamFailure(kind, null).allowsRetry(request);
    }

    static final UpstreamRequest POST = request("POST", Map.of(), RequestBody.of(new byte[]{1}));
    static final UpstreamRequest KEYED_POST = request("POST", Map.of("idempotency-key", List.of("k")),
            RequestBody.of(new byte[]{1}));
    static final UpstreamRequest GET = request("GET", Map.of(), RequestBody.NONE);

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"REFUSED", "CONNECT_TIMEOUT", "POOL_EXHAUSTED"})
    void whatNeverArrivedIsRetriedWhateverTheMethod(Kind kind) {
        assertTrue(retries(kind, POST));
        assertTrue(retries(kind, GET));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"STALE_CONNECTION", "TIMEOUT", "BROKEN"})
    void whatMayHaveArrivedIsRetriedForIdempotentMethodsOnly(Kind kind) {
        assertFalse(retries(kind, POST));
        assertTrue(retries(kind, GET));
    }

    @Test
    void anIdempotencyKeyMakesAStaleConnectionRetriableAndNothingElse() {
        assertTrue(KEYED_POST.keyed(), "the header name in any case");
        assertFalse(POST.keyed());
        assertTrue(retries(Kind.STALE_CONNECTION, KEYED_POST));
        assertFalse(retries(Kind.TIMEOUT, KEYED_POST), "the first attempt may still be running");
        assertFalse(retries(Kind.BROKEN, KEYED_POST));
    }

    @Test
    void aStreamedBodyOnceReadIsNeverSentAgain() throws Exception {
        RequestBody body = RequestBody.streamed(new ByteArrayInputStream(new byte[]{1, 2}), 2);
        UpstreamRequest put = request("PUT", Map.of("Idempotency-Key", List.of("k")), body);
        assertEquals(1, body.content().read());

        assertFalse(retries(Kind.STALE_CONNECTION, put));
        assertFalse(retries(Kind.REFUSED, put));
    }
}
