package org.apigate.system.hostile;

import org.apigate.system.Wars;
import org.apigate.testing.Http;
import org.apigate.testing.PayaraMicro;
import org.apigate.testing.TestKeys;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The four WARs, each on its own Payara Micro, booted once for every hostile test class of a run (kept in JUnit's
 * root store, closed when the run ends): booting takes most of the suite's time on a busy machine. The instances
 * start in parallel (their ports are chosen before any starts). Each service keeps an access log written at once
 * ({@code --accessloginterval 0}); the gateway verifies tokens against a JWKS file and has the highest rate limit,
 * so fuzzing is not answered with 429 only.
 */
final class HostileSystem implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HostileSystem.class.getName());
    static final int QUOTA = 10_000;

    final PayaraMicro user;
    final PayaraMicro inventory;
    final PayaraMicro order;
    final PayaraMicro gateway;
    final AccessLog userLog;
    final AccessLog inventoryLog;
    final AccessLog orderLog;

    /** The one system of this test run, booted by the first class that asks. */
    static HostileSystem of(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(HostileSystem.class))
                .getOrComputeIfAbsent(HostileSystem.class, k -> new HostileSystem(), HostileSystem.class);
    }

    private HostileSystem() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path logs = Path.of("target", "hostile-access", run).toAbsolutePath();
        userLog = new AccessLog(logs.resolve("user"));
        inventoryLog = new AccessLog(logs.resolve("inventory"));
        orderLog = new AccessLog(logs.resolve("order"));
        PayaraMicro.Builder userBuilder = service("user", run, userLog);
        PayaraMicro.Builder inventoryBuilder = service("inventory", run, inventoryLog);
        PayaraMicro.Builder orderBuilder = service("order", run, orderLog);
        user = userBuilder.build();
        inventory = inventoryBuilder.build();
        order = orderBuilder.property("order.user.url", user.url() + "/user")
                .property("order.inventory.url", inventory.url() + "/inventory").build();
        gateway = Wars.gateway(PayaraMicro.named("hostile-gateway"), TestKeys.jwks(Path.of("target", "keys")),
                        Map.of("user", user.url() + "/user", "order", order.url() + "/order",
                                "inventory", inventory.url() + "/inventory"))
                .property("gateway.ratelimit.limit", String.valueOf(QUOTA)).build();
        startAll(List.of(user, inventory, order, gateway));
    }

    private static PayaraMicro.Builder service(String name, String run, AccessLog log) {
        return Wars.service(PayaraMicro.named("hostile-" + name), name)
                .property(name + ".datasource.url", Wars.h2(run, name))
                .arguments("--accesslog", log.directory().toString(), "--accessloginterval", "0");
    }

    private void startAll(List<PayaraMicro> instances) {
        long started = System.nanoTime();
        try {
            PayaraMicro.inParallel(instances, PayaraMicro::start);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("The hostile system did not boot", e);
        }
        LOG.info(() -> String.format("hostile system booted in %d ms", (System.nanoTime() - started) / 1_000_000));
    }

    List<PayaraMicro> instances() {
        return List.of(user, inventory, order, gateway);
    }

    List<AccessLog> serviceLogs() {
        return List.of(userLog, inventoryLog, orderLog);
    }

    /**
     * The services whose access log holds {@code marker}. A control request straight to each service is awaited in
     * its log first, so every request answered before this call has been written: an empty answer proves something.
     */
    Set<String> servicesThatSaw(String marker) {
        String control = "control-" + UUID.randomUUID();
        Map<String, AccessLog> logs = Map.of("user", userLog, "inventory", inventoryLog, "order", orderLog);
        Map<String, PayaraMicro> instances = Map.of("user", user, "inventory", inventory, "order", order);
        Set<String> saw = new TreeSet<>();
        logs.forEach((name, log) -> {
            Http.get(instances.get(name).url() + "/" + name + "/api/" + control);
            if (!log.awaitLine(control, Duration.ofSeconds(15))) {
                throw new AssertionError("The control request is not in " + log + ": the check would prove nothing");
            }
            if (!log.linesContaining(marker).isEmpty()) {
                saw.add(name + ": " + log.linesContaining(marker));
            }
        });
        return saw;
    }

    String api(String path) {
        return gateway.url() + "/api" + path;
    }

    @Override
    public void close() {
        for (PayaraMicro instance : List.of(gateway, order, inventory, user)) {
            if (instance != null) {
                instance.close();
            }
        }
    }
}
