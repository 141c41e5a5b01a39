package org.apigate.order.orders.boundary;

import jakarta.json.JsonObject;
import org.apigate.testing.AuthSettings;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.PayaraMicro;
import org.apigate.testing.PlatformEndpoints;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order API on real Payara Micro, deployed as the packaged WAR, with neither the user service nor inventory
 * reachable (both URLs point at closed loopback ports): everything a client can get wrong, and what the service
 * answers when it cannot check the user.
 */
@ExtendWith(ArquillianExtension.class)
class OrdersApiIT {

    /** The calls here are an admin's; who may place and read which order is {@link OrdersAccessIT}. */
    static final Http.Authorized ADMIN = Http.as(Tokens.admin("orders-api-admin"));

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withConfig("order", AuthSettings.merged(AuthSettings.merged(AuthSettings.users(),
                AuthSettings.serviceCredential()), Map.of(
                "order.user.url", "http://127.0.0.1:" + PayaraMicro.freePort() + "/user",
                "order.inventory.url", "http://127.0.0.1:" + PayaraMicro.freePort() + "/inventory")));
    }

    @ArquillianResource
    URL base;

    String api;
    String orders;

    @BeforeEach
    void locate() {
        api = Loopback.deployment(base, "/order") + "/api";
        orders = api + "/orders";
    }

    static String order(String userId, String linesJson) {
        return "{\"userId\":\"" + userId + "\",\"lines\":" + linesJson + "}";
    }

    static String unique() {
        return "u-" + UUID.randomUUID();
    }

    static String errorsOf(JsonObject problem) {
        return problem.getJsonArray("errors").toString();
    }

    @Test
    void rejectsMalformedJson() {
        assertProblem(400, ADMIN.post(orders, "{\"userId\": "));
        assertProblem(400, ADMIN.post(orders, "[1,2,3]"));
        assertProblem(400, ADMIN.post(orders, "{\"userId\":\"u\",\"lines\":{\"sku\":\"A\"}}"));
        assertProblem(400, ADMIN.post(orders, "{\"userId\":\"u\",\"lines\":[{\"sku\":\"A\",\"quantity\":\"many\"}]}"));
    }

    @Test
    void rejectsAMissingBody() {
        JsonObject problem = assertProblem(400, ADMIN.post(orders, ""));
        assertTrue(problem.getString("detail").length() > 0, problem::toString);
    }

    @Test
    void namesEveryInvalidField() {
        JsonObject problem = assertProblem(400, ADMIN.post(orders, order(" ",
                "[{\"sku\":\"has space\",\"quantity\":1},{\"sku\":\"B\",\"quantity\":0},"
                        + "{\"sku\":\"C\",\"quantity\":1000001},{\"quantity\":1},{\"sku\":\"E\"}]")));

        String errors = errorsOf(problem);
        assertTrue(errors.contains("\"userId\""), errors);
        assertTrue(errors.contains("\"lines[0].sku\""), errors);
        assertTrue(errors.contains("\"lines[1].quantity\""), errors);
        assertTrue(errors.contains("\"lines[2].quantity\""), errors);
        assertTrue(errors.contains("\"lines[3].sku\""), errors);
        assertTrue(errors.contains("\"lines[4].quantity\""), errors);
        assertEquals("https://apigate.org/problems/invalid-request", problem.getString("type"));
    }

    @Test
    void requiresOneToAHundredLines() {
        assertTrue(errorsOf(assertProblem(400, ADMIN.post(orders, order("u1", "[]")))).contains("\"lines\""));
        assertTrue(errorsOf(assertProblem(400, ADMIN.post(orders, "{\"userId\":\"u1\"}"))).contains("\"lines\""));
        String tooMany = IntStream.rangeClosed(1, 101).mapToObj(i -> "{\"sku\":\"S" + i + "\",\"quantity\":1}")
                .collect(Collectors.joining(",", "[", "]"));
        assertTrue(errorsOf(assertProblem(400, ADMIN.post(orders, order("u1", tooMany)))).contains("\"lines\""));
        assertTrue(errorsOf(assertProblem(400, ADMIN.post(orders, order("u1", "[null]")))).contains("lines"));
    }

    @Test
    void rejectsTheSameSkuTwiceInOneOrder() {
        JsonObject problem = assertProblem(400, ADMIN.post(orders, order("u1",
                "[{\"sku\":\"A\",\"quantity\":1},{\"sku\":\"B\",\"quantity\":1},{\"sku\":\"A\",\"quantity\":2}]")));

        assertTrue(errorsOf(problem).contains("\"lines\""), problem::toString);
        assertTrue(errorsOf(problem).contains("same sku"), problem::toString);
    }

    @Test
    void rejectsWrongContentTypeWith415() {
        assertProblem(415, ADMIN.send("POST", orders, "userId=u1", "Content-Type", "text/plain"));
    }

    @Test
    void rejectsMalformedIdempotencyKeys() {
        String valid = order("u1", "[{\"sku\":\"A\",\"quantity\":1}]");
        for (String key : new String[] {"", "has space", "semi;colon", "k".repeat(129), "ümlaut"}) {
            JsonObject problem = assertProblem(400, ADMIN.post(orders, valid, "Idempotency-Key", key));
            assertTrue(errorsOf(problem).contains("\"idempotencyKey\""), problem::toString);
        }
    }

    @Test
    void answers503WhenTheUserServiceIsUnreachableAndStoresNothing() {
        String userId = unique();

        JsonObject problem = assertProblem(503, ADMIN.post(orders, order(userId, "[{\"sku\":\"A\",\"quantity\":1}]"),
                "Idempotency-Key", UUID.randomUUID().toString()));

        assertEquals("https://apigate.org/problems/user-service-unavailable", problem.getString("type"));
        Http.Reply mine = ADMIN.get(orders + "?userId=" + userId);
        assertEquals(200, mine.status(), mine::toString);
        assertEquals(0, mine.jsonArray().size(), mine::toString);
        assertEquals("0", mine.header("X-Total-Count"));
    }

    @Test
    void answersUnknownOrdersWith404() {
        JsonObject problem = assertProblem(404, ADMIN.get(orders + "/" + UUID.randomUUID()));
        assertTrue(problem.getString("detail").startsWith("No order with id"), problem::toString);
        assertProblem(404, ADMIN.post(orders + "/" + UUID.randomUUID() + "/cancel", ""));
    }

    @Test
    void answersUnknownRoutesAndMethodsWithProblems() {
        assertProblem(404, ADMIN.get(api + "/nothing-here"));
        assertProblem(405, ADMIN.send("DELETE", orders + "/" + UUID.randomUUID(), null));
        assertProblem(405, ADMIN.get(orders + "/" + UUID.randomUUID() + "/cancel"));
    }

    @Test
    void listsInPagesAndRejectsBadPagingParameters() {
        Http.Reply page = ADMIN.get(orders + "?limit=1&offset=0");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.jsonArray().size() <= 1);
        assertTrue(Long.parseLong(page.header("X-Total-Count")) >= 0);

        assertProblem(400, ADMIN.get(orders + "?limit=0"));
        assertProblem(400, ADMIN.get(orders + "?limit=501"));
        assertProblem(400, ADMIN.get(orders + "?offset=-1"));
    }

    @Test
    void publishesHealthItsFaultToleranceMetricsAndItsOpenApiDocument() {
        // a call through the user client, so that Fault Tolerance has registered its metrics
        assertProblem(503, ADMIN.post(orders, order(unique(), "[{\"sku\":\"A\",\"quantity\":1}]"),
                "Idempotency-Key", UUID.randomUUID().toString()));

        PlatformEndpoints.assertServed("http://127.0.0.1:" + base.getPort(), "ft_circuitbreaker_state_total{",
                "/orders/{id}");
    }

    @Test
    void staysReadyWhileItsDependenciesAreDown() {
        Http.Reply ready = Http.get("http://127.0.0.1:" + base.getPort() + "/health/ready");

        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("order-database"), ready::toString);
    }
}
