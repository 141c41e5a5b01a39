package org.apigate.system.openapi;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import org.apigate.system.Wars;
import org.apigate.system.client.ApiClient;
import org.apigate.system.client.ApiResponse;
import org.apigate.system.client.api.ItemsApi;
import org.apigate.system.client.api.OrdersApi;
import org.apigate.system.client.api.OverviewApi;
import org.apigate.system.client.api.UsersApi;
import org.apigate.system.client.model.ItemForm;
import org.apigate.system.client.model.Order;
import org.apigate.system.client.model.OrderForm;
import org.apigate.system.client.model.OrderLine;
import org.apigate.system.client.model.OrderStatus;
import org.apigate.system.client.model.Overview;
import org.apigate.system.client.model.User;
import org.apigate.system.client.model.UserForm;
import org.apigate.testing.Http;
import org.apigate.testing.PayaraMicro;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every WAR's {@code /openapi} as served by the running system (the four WARs, each on its own Payara Micro): valid
 * OpenAPI 3 with no error and no warning under Spectral's {@code spectral:oas}; the gateway's static description of
 * the services equal to what they serve; and a Java client generated (by the build, with openapi-generator) from the
 * gateway's document alone places an order and reads the overview through the gateway.
 */
class OpenApiSystemIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path DOCUMENTS = Path.of("target", "openapi");
    /** The gateway's document as the build fetched it to generate the client ({@code ServedOpenApi}). */
    private static final Path GENERATED_FROM = DOCUMENTS.resolve("gateway-for-client.json");
    private static final Path STATIC_DESCRIPTION = Path.of("..", "gateway-war", "src", "main", "resources",
            "META-INF", "openapi.json");

    static PayaraMicro user;
    static PayaraMicro inventory;
    static PayaraMicro order;
    static PayaraMicro gateway;

    @BeforeAll
    static void startSystem() {
        user = Wars.service(PayaraMicro.named("oa-user"), "user")
                .property("user.datasource.url", Wars.h2(RUN, "user")).build();
        inventory = Wars.service(PayaraMicro.named("oa-inventory"), "inventory")
                .property("inventory.datasource.url", Wars.h2(RUN, "inventory")).build();
        order = Wars.service(PayaraMicro.named("oa-order"), "order")
                .property("order.datasource.url", Wars.h2(RUN, "order"))
                .property("order.user.url", user.url() + "/user")
                .property("order.inventory.url", inventory.url() + "/inventory").build();
        gateway = Wars.gateway(PayaraMicro.named("oa-gateway"), TestKeys.rsaPublicKeyPem(Path.of("target", "keys")),
                Map.of("user", user.url() + "/user", "order", order.url() + "/order",
                        "inventory", inventory.url() + "/inventory")).build();
        PayaraMicro.inParallel(List.of(user, inventory, order, gateway), PayaraMicro::start);
    }

    @AfterAll
    static void stopSystem() {
        for (PayaraMicro instance : new PayaraMicro[] {gateway, order, inventory, user}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void everyDocumentIsOpenApi3AndLintsWithoutErrorsOrWarnings() throws Exception {
        Map<String, PayaraMicro> instances = new LinkedHashMap<>();
        instances.put("gateway", gateway);
        instances.put("user", user);
        instances.put("order", order);
        instances.put("inventory", inventory);
        Map<String, List<Spectral.Finding>> findings = new LinkedHashMap<>();
        for (Map.Entry<String, PayaraMicro> instance : instances.entrySet()) {
            JsonObject document = served(instance.getValue(), instance.getKey());
            assertTrue(document.getString("openapi").startsWith("3."), instance.getKey());
            List<Spectral.Finding> all = Spectral.lint(DOCUMENTS.resolve(instance.getKey() + ".json"));
            System.out.println("Spectral spectral:oas, " + instance.getKey() + "'s /openapi: " + Spectral.figures(all));
            findings.put(instance.getKey(), all.stream().filter(Spectral.Finding::isErrorOrWarning).toList());
        }
        findings.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), findings, "Spectral's errors and warnings per document (in target/openapi)");
    }

    @Test
    void theGatewayDescribesTheServicesAsTheyDescribeThemselves() throws IOException {
        JsonObject derived = PublicApi.derive(Map.of("user", served(user, "user"), "order", served(order, "order"),
                "inventory", served(inventory, "inventory")));
        if (!derived.equals(read(STATIC_DESCRIPTION))) {
            Path fresh = DOCUMENTS.resolve("gateway-static.json");
            write(derived, fresh);
            fail("The gateway's static description of the services differs from what they serve: review and copy "
                    + fresh.toAbsolutePath() + " to " + STATIC_DESCRIPTION.toAbsolutePath().normalize());
        }
    }

    @Test
    void aClientGeneratedFromTheGatewaysDocumentPlacesAnOrderAndReadsTheOverview() throws Exception {
        assertEquals(withoutServers(read(GENERATED_FROM)), withoutServers(served(gateway, "gateway")),
                "the client was generated from the document the gateway serves");
        ApiClient admin = client(Tokens.admin("admin-" + RUN));
        User registered = new UsersApi(admin).registerUser(new UserForm().username("u" + RUN)
                .email("u" + RUN + "@example.org").displayName("Client " + RUN));
        String sku = "SKU-" + RUN;
        new ItemsApi(admin).putItem(sku, new ItemForm().name("Widget").available(5));

        ApiClient customer = client(Tokens.customer(registered.getId()));
        Order placed = new OrdersApi(customer).placeOrder(new OrderForm().userId(registered.getId())
                .addLinesItem(new OrderLine().sku(sku).quantity(2)), "k-" + RUN);
        ApiResponse<Overview> answer = new OverviewApi(customer).getUserOverviewWithHttpInfo(registered.getId());

        assertEquals(OrderStatus.CONFIRMED, placed.getStatus());
        Overview overview = answer.getData();
        assertTrue(overview.getComplete(), overview::toString);
        assertEquals(List.of("true"), header(answer, "X-Gateway-Complete"));
        assertEquals(registered.getId(), overview.getUser().getId());
        assertEquals(List.of(placed.getId()), overview.getOrders().stream().map(Order::getId).toList());
        assertEquals(3L, overview.getStock().get(sku));
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway.url());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static List<String> header(ApiResponse<?> answer, String name) {
        return answer.getHeaders().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .findFirst().map(Map.Entry::getValue).orElse(List.of());
    }

    /** The document {@code instance} serves, also written to target/openapi/{@code name}.json. */
    private static JsonObject served(PayaraMicro instance, String name) throws IOException {
        Http.Reply reply = Http.get(instance.url() + "/openapi", "Accept", "application/json");
        assertEquals(200, reply.status(), reply::toString);
        Files.createDirectories(DOCUMENTS);
        Files.writeString(DOCUMENTS.resolve(name + ".json"), reply.body());
        try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }

    /** The servers name the instance's random port. */
    private static JsonObject withoutServers(JsonObject document) {
        return Json.createObjectBuilder(document).remove("servers").build();
    }

    private static JsonObject read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        }
    }

    private static void write(JsonObject document, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(document);
        }
    }

}
