package org.apigate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MicroProfile endpoints that the Payara server of every WAR answers at its root: health (liveness and
 * readiness), metrics in Prometheus text format, and the OpenAPI document.
 */
public final class PlatformEndpoints {

    private PlatformEndpoints() {
    }

    /**
     * Asserts that {@code server} (e.g. {@code http://127.0.0.1:8081}) is live and ready, that its metrics contain
     * {@code metric} and that its OpenAPI document describes {@code openApiPath}.
     */
    public static void assertServed(String server, String metric, String openApiPath) {
        Http.Reply live = Http.get(server + "/health/live");
        assertEquals(200, live.status(), live::toString);
        Http.Reply ready = Http.get(server + "/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        Http.Reply metrics = Http.get(server + "/metrics");
        assertEquals(200, metrics.status(), metrics::toString);
        assertTrue(metrics.body().contains(metric), () -> metric + " not in\n" + metrics.body());
        Http.Reply openApi = Http.get(server + "/openapi");
        assertEquals(200, openApi.status(), openApi::toString);
        assertTrue(openApi.body().contains(openApiPath + ":"), openApi::body);
    }
}
