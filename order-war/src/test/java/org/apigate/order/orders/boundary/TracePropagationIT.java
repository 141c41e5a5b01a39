package org.apigate.order.orders.boundary;

import org.apigate.testing.AuthSettings;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.OtlpReceiver;
import org.apigate.testing.PackagedWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order service continues its caller's W3C trace on both of its calls, with MicroProfile Telemetry enabled by
 * configuration only, as docs/operations.md tells operators to: the real user service exports its span of the
 * caller's trace to a collector (a stand-in on loopback), and inventory receives the caller's trace id with the
 * order service's span as parent.
 */
@ExtendWith(ArquillianExtension.class)
class TracePropagationIT {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CLIENT_SPAN = "00f067aa0ba902b7";
    static final ScriptedInventory INVENTORY = new ScriptedInventory();
    static final OtlpReceiver COLLECTOR = new OtlpReceiver();
    static UserService userService;

    static Map<String, String> telemetry(String serviceName) {
        return Map.of(
                "otel.sdk.disabled", "false",
                "otel.service.name", serviceName,
                "otel.traces.exporter", "otlp",
                "otel.exporter.otlp.traces.protocol", "http/protobuf",
                "otel.exporter.otlp.traces.endpoint", COLLECTOR.tracesEndpoint(),
                "otel.bsp.schedule.delay", "200",
                "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none");
    }

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        userService = UserService.start(telemetry("apigate-user"));
        INVENTORY.up();
        Map<String, String> config = new HashMap<>(AuthSettings.merged(AuthSettings.users(),
                AuthSettings.serviceCredential()));
        config.put("order.user.url", userService.url());
        config.put("order.inventory.url", INVENTORY.url());
        config.putAll(telemetry("apigate-order"));
        return PackagedWar.withConfig("order", config);
    }

    @AfterAll
    static void stop() {
        INVENTORY.close();
        COLLECTOR.close();
        if (userService != null) {
            userService.close();
        }
    }

    @ArquillianResource
    URL base;

    @Test
    void passesTheCallersTraceToTheUserServiceAndToInventory() {
        String userId = userService.newUser();
        Http.Reply placed = UserService.ADMIN.post(Loopback.deployment(base, "/order") + "/api/orders",
                "{\"userId\":\"" + userId + "\",\"lines\":[{\"sku\":\"SKU-T\",\"quantity\":1}]}",
                "traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01");
        assertEquals(201, placed.status(), placed::toString);

        String atInventory = INVENTORY.traceparentOf(placed.json().getString("id"));
        assertTrue(atInventory != null && atInventory.startsWith("00-" + TRACE_ID + "-"),
                "inventory received the caller's trace: " + atInventory);
        assertNotEquals(CLIENT_SPAN, atInventory.split("-")[2], "its parent is the order service's span");

        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!COLLECTOR.received(traceId) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        assertTrue(COLLECTOR.received(traceId), "spans of the caller's trace exported by the services");
        assertTrue(COLLECTOR.received("apigate-user".getBytes()), "the user service's among them");
    }
}
