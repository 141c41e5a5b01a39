package org.apigate.inventory.stock.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apigate.testing.AuthSettings;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.PlatformEndpoints;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.apigate.testing.Problems.assertMissingToken;
import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The item API on real Payara Micro, deployed as the WAR operators deploy, good paths and bad; and the service's
 * operations endpoints (readiness, OpenAPI).
 */
@ExtendWith(ArquillianExtension.class)
class ItemsApiIT {

    /** Who may do what is {@code InventoryAccessIT}; here an admin, who may do everything. */
    static final Http.Authorized ADMIN = Http.as(Tokens.admin("items-api-admin"));

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withConfig("inventory", AuthSettings.service("inventory"));
    }

    @ArquillianResource
    URL base;

    String api;
    String items;

    @BeforeEach
    void locate() {
        api = Loopback.deployment(base, "/inventory") + "/api";
        items = api + "/items";
    }

    static String form(String name, Object available) {
        return "{\"name\":\"" + name + "\",\"available\":" + available + "}";
    }

    static String unique() {
        return "sku-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void stock(String sku, int available) {
        Http.Reply put = ADMIN.put(items + "/" + sku, form("Item " + sku, available));
        assertTrue(put.status() == 201 || put.status() == 200, put::toString);
    }

    static String skusOf(JsonArray items) {
        return items.getValuesAs(JsonObject.class).stream().map(i -> i.getString("sku")).collect(Collectors.joining(","));
    }

    @Test
    void createsAnItemThenSetsItsStock() {
        String sku = unique();

        Http.Reply created = ADMIN.put(items + "/" + sku, form("Widget", 5));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").endsWith("/api/items/" + sku), created::toString);
        assertEquals("{\"available\":5,\"name\":\"Widget\",\"reserved\":0,\"sku\":\"" + sku + "\"}", created.body());

        Http.Reply set = ADMIN.put(items + "/" + sku, form("Renamed widget", 0));
        assertEquals(200, set.status(), set::toString);
        assertEquals(0, set.json().getInt("available"));

        JsonObject read = ADMIN.get(items + "/" + sku).json();
        assertEquals(sku, read.getString("sku"));
        assertEquals("Renamed widget", read.getString("name"));
        assertEquals(0, read.getInt("available"));
        assertEquals(0, read.getInt("reserved"));
    }

    @Test
    void readsABatchOfTheItemsThatExist() {
        String a = unique();
        String b = unique();
        stock(a, 1);
        stock(b, 2);
        String first = a.compareTo(b) < 0 ? a : b;
        String second = first.equals(a) ? b : a;

        Http.Reply batch = ADMIN.get(items + "?sku=" + b + "&sku=unknown-" + a + "&sku=" + a + "&sku=" + a);

        assertEquals(200, batch.status(), batch::toString);
        assertEquals(first + "," + second, skusOf(batch.jsonArray()));
        assertEquals("[]", ADMIN.get(items + "?sku=unknown-" + a).body());
    }

    @Test
    void takesAtMostOneHundredSkusInABatch() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> "sku=s" + i).collect(Collectors.joining("&"));

        assertEquals(200, ADMIN.get(items + "?" + hundred).status());
        JsonObject problem = assertProblem(400, ADMIN.get(items + "?" + hundred + "&sku=one-more"));
        assertTrue(problem.getJsonArray("errors").toString().contains("\"sku\""), problem::toString);
    }

    @Test
    void listsAllItemsInPages() {
        stock(unique(), 1);
        stock(unique(), 1);

        Http.Reply page = ADMIN.get(items + "?limit=1&offset=1");

        assertEquals(200, page.status(), page::toString);
        assertEquals(1, page.jsonArray().size());
        long total = Long.parseLong(page.header("X-Total-Count"));
        assertTrue(total >= 2);
        assertEquals(Math.min(total, 500), ADMIN.get(items + "?limit=500").jsonArray().size());
        assertEquals(Math.min(total, 50), ADMIN.get(items).jsonArray().size());
    }

    @Test
    void rejectsBadPagingParameters() {
        assertProblem(400, ADMIN.get(items + "?limit=0"));
        assertProblem(400, ADMIN.get(items + "?limit=501"));
        assertProblem(400, ADMIN.get(items + "?offset=-1"));
    }

    @Test
    void answersAnUnknownItemWith404() {
        assertProblem(404, ADMIN.get(items + "/" + unique()));
    }

    @Test
    void namesEveryInvalidField() {
        JsonObject problem = assertProblem(400, ADMIN.put(items + "/has%20space", form("", -1)));

        String errors = problem.getJsonArray("errors").toString();
        assertTrue(errors.contains("\"sku\""), errors);
        assertTrue(errors.contains("\"name\""), errors);
        assertTrue(errors.contains("\"available\""), errors);
    }

    @Test
    void rejectsMissingAndOversizedFields() {
        String sku = unique();
        assertField("available", ADMIN.put(items + "/" + sku, "{\"name\":\"Widget\"}"));
        assertField("available", ADMIN.put(items + "/" + sku, form("Widget", null)));
        assertField("name", ADMIN.put(items + "/" + sku, form("x".repeat(201), 1)));
        assertField("sku", ADMIN.put(items + "/" + "x".repeat(65), form("Widget", 1)));
        assertField("sku", ADMIN.get(items + "/" + "x".repeat(65)));
        assertProblem(404, ADMIN.get(items + "/" + sku));
    }

    static void assertField(String field, Http.Reply reply) {
        JsonObject problem = assertProblem(400, reply);
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), problem::toString);
    }

    @Test
    void rejectsMissingBodyAndMalformedJson() {
        String at = items + "/" + unique();
        assertProblem(400, ADMIN.put(at, ""));
        assertProblem(400, ADMIN.put(at, "{\"name\": "));
        assertProblem(400, ADMIN.put(at, "[1,2,3]"));
        assertProblem(400, ADMIN.put(at, form("Widget", 1.5)));
        assertProblem(400, ADMIN.put(at, form("Widget", "\"many\"")));
        assertProblem(404, ADMIN.get(at));
    }

    @Test
    void rejectsWrongContentTypeWith415() {
        assertProblem(415, ADMIN.send("PUT", items + "/" + unique(), "name=x", "Content-Type", "text/plain"));
    }

    @Test
    void answersUnknownRoutesAndMethodsWithProblems() {
        assertProblem(404, ADMIN.get(api + "/nothing-here"));
        assertProblem(404, ADMIN.get(items + "/a/b"));
        assertNotNull(assertProblem(405, ADMIN.send("PATCH", items + "/a", "{}", "Content-Type", "application/json"))
                .getString("detail"));
    }

    @Test
    void publishesItsOpenApiDocument() throws MalformedURLException {
        Http.Reply openApi = Http.get(Loopback.of(new URL(base, "/openapi"))); // Payara's own: no token needed

        assertEquals(200, openApi.status(), openApi::toString);
        assertTrue(openApi.body().contains("/reservations/{id}:"), openApi::body);
        assertTrue(openApi.body().contains("/items/{sku}:"), openApi::body);
    }

    @Test
    void publishesHealthMetricsAndItsOpenApiDocument() {
        PlatformEndpoints.assertServed("http://127.0.0.1:" + base.getPort(), "jvm_uptime_seconds", "/items/{sku}");
    }

    @Test
    void isReadyWhenItsDatabaseAnswers() throws MalformedURLException {
        Http.Reply ready = Http.get(Loopback.of(new URL(base, "/health/ready")));

        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("\"inventory-database\""), ready::toString);
    }

    // ---- who may do what: reading for every role, setting stock for an admin ----

    @Test
    void withoutATokenNothingIsReadOrWritten() {
        String sku = unique();
        stock(sku, 3);

        assertMissingToken(Http.get(items + "/" + sku));
        assertMissingToken(Http.get(items + "?sku=" + sku));
        assertMissingToken(Http.put(items + "/" + sku, form("Free stock", 1000)));
        assertEquals(3, ADMIN.get(items + "/" + sku).json().getInt("available"));
    }

    @Test
    void aCustomerAndTheOrderServiceReadStock() {
        String sku = unique();
        stock(sku, 4);

        for (String token : new String[] {Tokens.customer("someone"), Tokens.service("inventory")}) {
            Http.Reply read = Http.as(token).get(items + "/" + sku);
            assertEquals(200, read.status(), read::toString);
            assertEquals(4, read.json().getInt("available"));
            assertEquals(200, Http.as(token).get(items + "?sku=" + sku).status());
        }
    }

    @Test
    void onlyAnAdminSetsStock() {
        String sku = unique();
        stock(sku, 2);

        assertProblem(403, Http.as(Tokens.customer("someone")).put(items + "/" + sku, form("Mine now", 1000)));
        assertProblem(403, Http.as(Tokens.service("inventory")).put(items + "/" + sku, form("Mine now", 1000)));
        assertProblem(403, Http.as(Tokens.customer("someone")).put(items + "/" + unique(), form("New", 1)));
        assertEquals(2, ADMIN.get(items + "/" + sku).json().getInt("available"), "unchanged");
    }

    @Test
    void anAuthenticTokenWithoutARoleReadsNothing() {
        assertProblem(403, Http.as(Tokens.forSubject("nobody").sign()).get(items));
    }
}
