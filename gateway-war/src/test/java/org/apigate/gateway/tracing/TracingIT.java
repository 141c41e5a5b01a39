package org.apigate.gateway.tracing;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.apigate.gateway.backend.Await;
import org.apigate.gateway.backend.GatewayArchive;
import org.apigate.gateway.backend.TestBackend;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * W3C trace context through the gateway as shipped (MicroProfile Telemetry off): a client's trace is continued to the
 * service, a request without one starts a trace, a malformed {@code traceparent} is replaced, and the access log line
 * names the trace.
 */
@ExtendWith(ArquillianExtension.class)
class TracingIT {

    static final TestBackend USERS = TestBackend.start("user");
    static final String ADMIN = "Bearer " + Tokens.admin("tracer");
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CLIENT_PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Deployment(testable = false)
    static WebArchive gateway() {
        return GatewayArchive.withConfig(Map.of("gateway.service.user.urls", USERS.url("/user")))
                .addClass(LogProbe.class);
    }

    @AfterAll
    static void stopBackend() {
        USERS.close();
    }

    @ArquillianResource
    URL base;

    String gateway;

    @BeforeEach
    void locate() {
        gateway = Loopback.deployment(base, "");
    }

    /** The {@code traceparent} the service received, from the echo. */
    static String forwardedParent(Http.Reply reply) {
        JsonObject headers = reply.json().getJsonObject("headers");
        assertTrue(headers.containsKey("traceparent"), reply::toString);
        return headers.getJsonArray("traceparent").getString(0);
    }

    @Test
    void continuesTheClientsTraceToTheService() {
        Http.Reply reply = Http.get(gateway + "/api/users/traced", "Authorization", ADMIN,
                "traceparent", CLIENT_PARENT, "tracestate", "vendor=opaque");

        assertEquals(200, reply.status(), reply::toString);
        String forwarded = forwardedParent(reply);
        assertTrue(forwarded.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"), forwarded);
        assertEquals("vendor=opaque", reply.json().getJsonObject("headers").getJsonArray("tracestate").getString(0));
    }

    @Test
    void startsATraceForARequestWithoutOneAndLogsItsId() {
        String requestId = "trace-" + UUID.randomUUID();
        assertEquals(204, Http.put(gateway + "/admin/probe/log/org.apigate.gateway.access", "", "Authorization", ADMIN).status());
        Http.Reply reply = Http.get(gateway + "/api/users/untraced", "Authorization", ADMIN, "X-Request-Id",
                requestId);

        String forwarded = forwardedParent(reply);
        assertTrue(forwarded.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), forwarded);
        String traceId = forwarded.substring(3, 35);
        assertNotEquals("00000000000000000000000000000000", traceId);
        String line = accessLine(requestId);
        assertTrue(line.startsWith("id=" + requestId + " trace=" + traceId + " "), line);

        String another = forwardedParent(Http.get(gateway + "/api/users/untraced", "Authorization", ADMIN));
        assertNotEquals(traceId, another.substring(3, 35), "each request its own trace");
    }

    @Test
    void replacesAMalformedTraceparentWithANewTrace() {
        for (String malformed : List.of("garbage", "00-" + TRACE_ID + "-0000000000000000-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "ff-" + TRACE_ID + "-00f067aa0ba902b7-01")) {
            String forwarded = forwardedParent(Http.get(gateway + "/api/users/malformed", "Authorization", ADMIN,
                    "traceparent", malformed));
            assertTrue(forwarded.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), forwarded);
            assertNotEquals(malformed, forwarded);
        }
    }

    String accessLine(String requestId) {
        Await.until(Duration.ofSeconds(10), () -> !accessLines(requestId).isEmpty(), "the access line of " + requestId);
        return accessLines(requestId).get(0);
    }

    List<String> accessLines(String requestId) {
        return Http.get(gateway + "/admin/probe/log/org.apigate.gateway.access", "Authorization", ADMIN).jsonArray()
                .getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .filter(line -> line.startsWith("id=" + requestId + " ")).toList();
    }
}
