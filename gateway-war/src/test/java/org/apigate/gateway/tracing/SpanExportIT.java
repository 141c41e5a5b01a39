package org.apigate.gateway.tracing;

import org.apigate.gateway.backend.Await;
import org.apigate.gateway.backend.GatewayArchive;
import org.apigate.gateway.backend.TestBackend;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.OtlpReceiver;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MicroProfile Telemetry enabled by configuration alone: the gateway's request and each stage of its pipeline are
 * spans of the client's trace, exported over OTLP/HTTP to a collector (a stand-in on loopback), and the service
 * receives the trace with the gateway's span as its parent.
 */
@ExtendWith(ArquillianExtension.class)
class SpanExportIT {

    static final TestBackend USERS = TestBackend.start("user");
    static final OtlpReceiver COLLECTOR = new OtlpReceiver();
    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Deployment(testable = false)
    static WebArchive gateway() {
        return GatewayArchive.withConfig(Map.of(
                "gateway.service.user.urls", USERS.url("/user"),
                "otel.sdk.disabled", "false",
                "otel.service.name", "apigate-gateway",
                "otel.traces.exporter", "otlp",
                "otel.exporter.otlp.traces.protocol", "http/protobuf",
                "otel.exporter.otlp.traces.endpoint", COLLECTOR.tracesEndpoint(),
                "otel.bsp.schedule.delay", "200",
                "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none"));
    }

    @AfterAll
    static void stop() {
        USERS.close();
        COLLECTOR.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void exportsTheRequestAndEachStageAsSpansOfTheClientsTrace() {
        Http.Reply reply = Http.get(Loopback.deployment(base, "") + "/api/users/exported",
                "Authorization", "Bearer " + Tokens.admin("exporter"),
                "traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01");
        assertEquals(200, reply.status(), reply::toString);
        String forwarded = reply.json().getJsonObject("headers").getJsonArray("traceparent").getString(0);
        assertTrue(forwarded.startsWith("00-" + TRACE_ID + "-"), forwarded);
        assertTrue(!forwarded.contains("b7ad6b7169203331"), "the service's parent is the gateway's span: " + forwarded);

        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        Await.until(Duration.ofSeconds(20), () -> COLLECTOR.received(traceId), "spans of the trace exported");
        for (String stage : List.of("authenticate", "rate-limit", "authorize", "forward", "relay", "users")) {
            Await.until(Duration.ofSeconds(10), () -> COLLECTOR.received(stage.getBytes(StandardCharsets.UTF_8)),
                    "a span named like " + stage);
        }
    }
}
