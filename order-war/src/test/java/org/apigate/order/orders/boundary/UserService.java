package org.apigate.order.orders.boundary;

import org.apigate.testing.AuthSettings;
import org.apigate.testing.Http;
import org.apigate.testing.PayaraMicro;
import org.apigate.testing.Tokens;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real user service beside the order WAR under test: the packaged user WAR on a Payara Micro of its own, with a
 * root directory and database of its own per run (Payara Micro redeploys whatever an old root directory holds). It
 * trusts the test issuer and the service credential the order service calls it with. A shutdown hook stops it even
 * when a deployment fails and JUnit never reaches the test class's clean-up.
 */
final class UserService implements AutoCloseable {

    static final Http.Authorized ADMIN = Http.as(Tokens.admin("order-it-admin"));

    private final PayaraMicro process;

    private UserService(PayaraMicro process) {
        this.process = process;
    }

    static UserService start() {
        return start(Map.of());
    }

    /** As {@link #start()}, with more configuration (e.g. telemetry). */
    static UserService start(Map<String, String> properties) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        PayaraMicro process = PayaraMicro.named("user-" + run)
                .deploy(Path.of(System.getProperty("order.userWar")), "/user")
                .property("user.datasource.url", "jdbc:h2:file:" + Path.of("target", "it-data", "user-" + run)
                        .toAbsolutePath())
                .properties(AuthSettings.service("user"))
                .properties(properties)
                .readyWhen("/user/api/users?limit=1", 401) // deployed, and its authentication installed
                .build();
        UserService service = new UserService(process);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        process.start();
        return service;
    }

    /** The base URL, as {@code order.user.url} takes it. */
    String url() {
        return process.url() + "/user";
    }

    /** A new user, registered by an admin; its id. */
    String newUser() {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply created = ADMIN.post(url() + "/api/users", "{\"username\":\"" + name
                + "\",\"email\":\"" + name + "@example.org\",\"displayName\":\"" + name + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    @Override
    public void close() {
        process.close();
    }
}
