package org.apigate.inventory.reservation.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.apigate.testing.AuthSettings;
import org.apigate.testing.ForgedTokens;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.apigate.testing.Problems.assertInvalidToken;
import static org.apigate.testing.Problems.assertMissingToken;
import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reservation API on real Payara Micro, deployed as the WAR operators deploy: all-or-nothing, idempotency by
 * id, release and its tombstones, the bad paths, and the proof that concurrent reservations never oversell.
 */
@ExtendWith(ArquillianExtension.class)
class ReservationsApiIT {

    /** Client threads firing at once; more than the server's request threads, so requests really queue there. */
    static final int THREADS = 16;
    static final long CONCURRENT_DEADLINE_SECONDS = 120;

    /** Reservations are the order service's business: made with its credential; stock is set up by an admin. */
    static final Http.Authorized SERVICE = Http.as(Tokens.service("inventory"));
    static final Http.Authorized ADMIN = Http.as(Tokens.admin("reservations-api-admin"));

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withConfig("inventory", AuthSettings.service("inventory"));
    }

    @ArquillianResource
    URL base;

    String api;
    String items;
    String reservations;

    @BeforeEach
    void locate() {
        api = Loopback.deployment(base, "/inventory") + "/api";
        items = api + "/items";
        reservations = api + "/reservations";
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A reservation request; {@code skuAndQuantity} alternates sku and quantity. */
    static String request(String id, Object... skuAndQuantity) {
        return Json.createObjectBuilder().add("id", id).add("lines", lines(skuAndQuantity)).build().toString();
    }

    static JsonArray lines(Object... skuAndQuantity) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Json.createObjectBuilder().add("sku", (String) skuAndQuantity[i])
                    .add("quantity", (Integer) skuAndQuantity[i + 1]));
        }
        return lines.build();
    }

    String stocked(int available) {
        String sku = unique("sku");
        Http.Reply put = ADMIN.put(items + "/" + sku, "{\"name\":\"Item " + sku + "\",\"available\":" + available + "}");
        assertEquals(201, put.status(), put::toString);
        return sku;
    }

    /** {available, reserved} of an item. */
    List<Integer> level(String sku) {
        JsonObject item = read(items + "/" + sku);
        return List.of(item.getInt("available"), item.getInt("reserved"));
    }

    String statusOf(String id) {
        return read(reservations + "/" + id).getString("status");
    }

    static JsonObject read(String url) {
        Http.Reply reply = SERVICE.get(url);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    Http.Reply reserve(String id, Object... skuAndQuantity) {
        return SERVICE.post(reservations, request(id, skuAndQuantity));
    }

    @Test
    void reservesEveryLineAndReadsTheReservationBack() {
        String a = stocked(5);
        String b = stocked(3);
        String id = unique("r");

        Http.Reply created = reserve(id, b, 3, a, 2);

        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").endsWith("/api/reservations/" + id), created::toString);
        JsonObject reservation = created.json();
        assertEquals(id, reservation.getString("id"));
        assertEquals("RESERVED", reservation.getString("status"));
        assertEquals(a.compareTo(b) < 0 ? lines(a, 2, b, 3) : lines(b, 3, a, 2), reservation.getJsonArray("lines"),
                "lines in sku order");
        assertTrue(reservation.containsKey("createdAt"));
        assertFalse(reservation.containsKey("shortSkus"), reservation::toString);
        assertEquals(List.of(3, 2), level(a));
        assertEquals(List.of(0, 3), level(b));

        assertEquals(created.body(), SERVICE.get(reservations + "/" + id).body());
    }

    @Test
    void listsReservationsInPagesAllOrThoseOfOneSku() {
        String a = stocked(10);
        String b = stocked(10);
        String first = unique("r");
        String second = unique("r");
        assertEquals(201, reserve(first, a, 1).status());
        assertEquals(201, reserve(second, a, 2, b, 3).status());
        assertEquals(204, SERVICE.delete(reservations + "/" + first).status());

        Http.Reply ofA = SERVICE.get(reservations + "?sku=" + a);
        assertEquals(200, ofA.status(), ofA::toString);
        assertEquals("2", ofA.header("X-Total-Count"));
        assertEquals(Stream.of(first, second).sorted().toList(), ids(ofA));
        assertEquals(List.of(second), ids(SERVICE.get(reservations + "?sku=" + b)));
        assertEquals(1, SERVICE.get(reservations + "?sku=" + a + "&limit=1&offset=1").jsonArray().size());
        Http.Reply all = SERVICE.get(reservations + "?limit=500");
        assertTrue(Long.parseLong(all.header("X-Total-Count")) >= 2, all::toString);
        assertTrue(ids(all).containsAll(List.of(first, second)), all::toString);
        assertEquals("RELEASED", ofA.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(first)).findFirst().orElseThrow().getString("status"));
        assertProblem(400, SERVICE.get(reservations + "?limit=0"));
        assertProblem(400, SERVICE.get(reservations + "?sku=no%20sku"));
    }

    static List<String> ids(Http.Reply list) {
        return list.jsonArray().getValuesAs(JsonObject.class).stream().map(r -> r.getString("id")).toList();
    }

    @Test
    void refusesTheWholeReservationWhenAnyLineIsShort() {
        String plenty = stocked(10);
        String scarce = stocked(1);
        String unknown = unique("sku");
        String id = unique("r");

        JsonObject problem = assertProblem(409, reserve(id, plenty, 4, scarce, 2, unknown, 1));

        assertTrue(problem.getString("type").endsWith("/out-of-stock"), problem::toString);
        List<String> shortSkus = problem.getJsonArray("shortSkus").getValuesAs(JsonString::getString);
        assertEquals(List.of(scarce, unknown).stream().sorted().toList(), shortSkus);
        assertEquals(List.of(10, 0), level(plenty), "nothing held of the line that was not short");
        assertEquals(List.of(1, 0), level(scarce));

        JsonObject stored = read(reservations + "/" + id);
        assertEquals("REJECTED", stored.getString("status"));
        assertEquals(3, stored.getJsonArray("lines").size());

        ADMIN.put(items + "/" + scarce, "{\"name\":\"restocked\",\"available\":100}");
        JsonObject repeated = assertProblem(409, reserve(id, plenty, 4, scarce, 2, unknown, 1));
        assertEquals(problem.getJsonArray("shortSkus"), repeated.getJsonArray("shortSkus"), "the stored outcome");
        assertEquals(List.of(10, 0), level(plenty));

        assertEquals(204, SERVICE.delete(reservations + "/" + id).status());
        assertEquals("REJECTED", statusOf(id));
        assertProblem(409, reserve(id, plenty, 4, scarce, 2, unknown, 1));
    }

    @Test
    void repeatsTheStoredReservationForTheSameIdAndHoldsStockOnce() {
        String a = stocked(10);
        String b = stocked(10);
        String id = unique("r");
        Http.Reply first = reserve(id, a, 2, b, 1);
        assertEquals(201, first.status(), first::toString);

        Http.Reply repeat = reserve(id, b, 1, a, 2);

        assertEquals(201, repeat.status(), repeat::toString);
        assertEquals(first.body(), repeat.body());
        assertEquals(first.header("Location"), repeat.header("Location"));
        assertEquals(List.of(8, 2), level(a));
        assertEquals(List.of(9, 1), level(b));
    }

    @Test
    void refusesAnIdReusedWithOtherLines() {
        String a = stocked(10);
        String id = unique("r");
        assertEquals(201, reserve(id, a, 2).status());

        JsonObject problem = assertProblem(422, reserve(id, a, 3));

        assertTrue(problem.getString("type").endsWith("/reservation-id-reused"), problem::toString);
        assertEquals(List.of(8, 2), level(a));
    }

    @Test
    void releaseGivesTheStockBackOnceAndRefusesTheIdForGood() {
        String a = stocked(10);
        String b = stocked(4);
        String id = unique("r");
        assertEquals(201, reserve(id, a, 3, b, 4).status());

        assertEquals(204, SERVICE.delete(reservations + "/" + id).status());
        assertEquals(List.of(10, 0), level(a));
        assertEquals(List.of(4, 0), level(b));
        assertEquals("RELEASED", statusOf(id));

        assertEquals(204, SERVICE.delete(reservations + "/" + id).status());
        assertEquals(List.of(10, 0), level(a), "released once");

        JsonObject problem = assertProblem(409, reserve(id, a, 3, b, 4));
        assertTrue(problem.getString("type").endsWith("/reservation-released"), problem::toString);
        assertEquals(List.of(10, 0), level(a));
    }

    @Test
    void releaseOfAnUnknownIdRefusesTheReservationWhenItArrivesLate() {
        String a = stocked(5);
        String id = unique("late");

        assertEquals(204, SERVICE.delete(reservations + "/" + id).status());
        JsonObject tombstone = read(reservations + "/" + id);
        assertEquals("RELEASED", tombstone.getString("status"));
        assertEquals(0, tombstone.getJsonArray("lines").size());

        JsonObject problem = assertProblem(409, reserve(id, a, 1));
        assertTrue(problem.getString("type").endsWith("/reservation-released"), problem::toString);
        assertEquals(List.of(5, 0), level(a));
        assertEquals(204, SERVICE.delete(reservations + "/" + id).status());
    }

    @Test
    void namesEveryInvalidField() {
        String body = "{\"id\":\"has space\",\"lines\":[{\"sku\":\"\",\"quantity\":0},{\"sku\":\"B\",\"quantity\":1000001}]}";

        JsonObject problem = assertProblem(400, SERVICE.post(reservations, body));

        String fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).sorted().collect(Collectors.joining(","));
        assertEquals("id,lines[0].quantity,lines[0].sku,lines[1].quantity", fields, problem::toString);
    }

    @Test
    void refusesBadLineLists() {
        String id = unique("r");
        Object[] hundredAndOne = IntStream.range(0, 101).boxed()
                .flatMap(i -> Stream.of("s" + i, 1)).toArray();
        assertField("lines", reserve(id));
        assertField("lines", reserve(id, hundredAndOne));
        assertField("lines", reserve(id, "A", 1, "B", 1, "A", 2));
        assertField("lines", SERVICE.post(reservations, "{\"id\":\"" + id + "\"}"));
        assertField("lines[0]", SERVICE.post(reservations, "{\"id\":\"" + id + "\",\"lines\":[null]}"));
        assertField("lines[0].quantity", SERVICE.post(reservations, "{\"id\":\"" + id + "\",\"lines\":[{\"sku\":\"A\"}]}"));
        assertField("id", reserve("x".repeat(65), "A", 1));
        assertField("id", SERVICE.post(reservations, "{\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}"));
        assertProblem(404, SERVICE.get(reservations + "/" + id));
    }

    static void assertField(String field, Http.Reply reply) {
        JsonObject problem = assertProblem(400, reply);
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), problem::toString);
    }

    @Test
    void rejectsMissingBodyMalformedJsonAndWrongContentType() {
        assertProblem(400, SERVICE.post(reservations, ""));
        assertProblem(400, SERVICE.post(reservations, "{\"id\": "));
        assertProblem(400, SERVICE.post(reservations, "[1,2,3]"));
        assertProblem(400, SERVICE.post(reservations, "{\"id\":\"r\",\"lines\":[{\"sku\":\"A\",\"quantity\":1.5}]}"));
        assertProblem(415, SERVICE.send("POST", reservations, "id=r", "Content-Type", "text/plain"));
    }

    @Test
    void answersUnknownReservationsAndRoutesWithProblems() {
        assertProblem(404, SERVICE.get(reservations + "/" + unique("never")));
        assertProblem(404, SERVICE.get(reservations + "/a/b"));
        assertProblem(400, SERVICE.delete(reservations + "/has%20space"));
        assertProblem(405, SERVICE.send("PUT", reservations + "/a", "{}", "Content-Type", "application/json"));
    }

    // ---- concurrency: real HTTP from a fixed pool, every request bounded by the deadline ----

    /** Runs every call from {@value #THREADS} threads and returns the replies in call order. */
    static List<Http.Reply> concurrently(List<Callable<Http.Reply>> calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> reply : pool.invokeAll(calls, CONCURRENT_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                replies.add(reply.get());
            }
            return replies;
        } catch (ExecutionException e) {
            throw new AssertionError("a concurrent call failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<Integer, Long> statuses(List<Http.Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(Http.Reply::status, Collectors.counting()));
    }

    @Test
    void neverOversellsUnderConcurrentReservations() throws InterruptedException {
        int stock = 13;
        int requests = 40;
        String sku = stocked(stock);
        List<Callable<Http.Reply>> calls = IntStream.range(0, requests)
                .<Callable<Http.Reply>>mapToObj(i -> () -> reserve(unique("c" + i), sku, 1)).toList();

        List<Http.Reply> replies = concurrently(calls);

        assertEquals(Map.of(201, (long) stock, 409, (long) (requests - stock)), statuses(replies),
                () -> replies.stream().filter(r -> r.status() != 201 && r.status() != 409).findFirst()
                        .map(Http.Reply::toString).orElse(""));
        replies.stream().filter(r -> r.status() == 409).forEach(r ->
                assertEquals(List.of(sku), assertProblem(409, r).getJsonArray("shortSkus")
                        .getValuesAs(JsonString::getString)));
        assertEquals(List.of(0, stock), level(sku));
    }

    @Test
    void holdsAllOrNothingWhenTwoSkusAreContended() throws InterruptedException {
        String x = stocked(9);
        String y = stocked(6);
        List<Object[]> shapes = List.of(new Object[]{x, 1, y, 1}, new Object[]{y, 1, x, 2}, new Object[]{y, 2});
        List<Object[]> lines = IntStream.range(0, 40).mapToObj(i -> shapes.get(i % shapes.size())).toList();
        List<String> ids = IntStream.range(0, lines.size()).mapToObj(i -> unique("m" + i)).toList();

        List<Http.Reply> replies = concurrently(IntStream.range(0, lines.size())
                .<Callable<Http.Reply>>mapToObj(i -> () -> reserve(ids.get(i), lines.get(i))).toList());

        int heldX = 0;
        int heldY = 0;
        List<String> reserved = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            Http.Reply reply = replies.get(i);
            assertTrue(reply.status() == 201 || reply.status() == 409, reply::toString);
            if (reply.status() == 201) {
                reserved.add(ids.get(i));
                heldX += quantityOf(x, lines.get(i));
                heldY += quantityOf(y, lines.get(i));
            }
        }
        assertTrue(!reserved.isEmpty() && reserved.size() < replies.size(), () -> statuses(replies).toString());
        assertEquals(List.of(9 - heldX, heldX), level(x), "held exactly the lines of the reservations made");
        assertEquals(List.of(6 - heldY, heldY), level(y), "held exactly the lines of the reservations made");

        List<Http.Reply> releases = concurrently(reserved.stream().flatMap(id -> Stream.of(id, id))
                .<Callable<Http.Reply>>map(id -> () -> SERVICE.delete(reservations + "/" + id)).toList());
        assertEquals(Map.of(204, (long) releases.size()), statuses(releases));
        assertEquals(List.of(9, 0), level(x), "every reservation released once");
        assertEquals(List.of(6, 0), level(y), "every reservation released once");
    }

    static int quantityOf(String sku, Object[] skuAndQuantity) {
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            if (skuAndQuantity[i].equals(sku)) {
                return (Integer) skuAndQuantity[i + 1];
            }
        }
        return 0;
    }

    @Test
    void reservesOnceForConcurrentRequestsWithOneId() throws InterruptedException {
        String a = stocked(100);
        String id = unique("same");

        List<Http.Reply> replies = concurrently(IntStream.range(0, 12)
                .<Callable<Http.Reply>>mapToObj(i -> () -> reserve(id, a, 3)).toList());

        assertEquals(Map.of(201, 12L), statuses(replies), replies::toString);
        assertEquals(1, replies.stream().map(Http.Reply::body).distinct().count(), "one outcome for all");
        assertEquals(List.of(97, 3), level(a));
    }

    @Test
    void leavesNoReservationBehindWhenReleaseRacesTheRequest() throws InterruptedException {
        String a = stocked(100);
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> unique("race" + i)).toList();
        List<Callable<Http.Reply>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(() -> SERVICE.delete(reservations + "/" + id));
            calls.add(() -> reserve(id, a, 1));
        }

        List<Http.Reply> replies = concurrently(calls);

        for (int i = 0; i < replies.size(); i += 2) {
            assertEquals(204, replies.get(i).status(), replies.get(i)::toString);
            Http.Reply reservation = replies.get(i + 1);
            assertTrue(reservation.status() == 201
                    || assertProblem(409, reservation).getString("type").endsWith("/reservation-released"),
                    reservation::toString);
        }
        for (String id : ids) {
            assertEquals("RELEASED", statusOf(id));
        }
        assertEquals(List.of(100, 0), level(a), "nothing left held");
    }

    // ---- who may do what: only the order service's credential and an admin touch reservations ----

    static List<Named<String>> forgedTokens() {
        return ForgedTokens.all("forger");
    }

    @Test
    void withoutATokenNothingIsReservedReleasedOrRead() {
        String sku = stocked(5);
        String id = unique("anon");

        assertMissingToken(Http.post(reservations, request(id, sku, 5)));
        assertMissingToken(Http.delete(reservations + "/" + id));
        assertMissingToken(Http.get(reservations + "/" + id));
        assertMissingToken(Http.get(reservations + "?sku=" + sku));
        assertEquals(List.of(5, 0), level(sku));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void refusesForgedTokensWith401(String forged) {
        String sku = stocked(5);

        assertInvalidToken(Http.as(forged).post(reservations, request(unique("forged"), sku, 5)));
        assertEquals(List.of(5, 0), level(sku));
    }

    @Test
    void aCustomerCannotHoldOrReleaseStockDirectly() {
        String sku = stocked(5);
        Http.Authorized customer = Http.as(Tokens.customer("someone"));
        String held = unique("held");
        assertEquals(201, reserve(held, sku, 2).status());

        assertProblem(403, customer.post(reservations, request(unique("mine"), sku, 3)));
        assertProblem(403, customer.delete(reservations + "/" + held));
        assertProblem(403, customer.get(reservations + "/" + held));
        assertProblem(403, customer.get(reservations));
        assertEquals(List.of(3, 2), level(sku), "nothing changed");
    }

    @Test
    void refusesAServiceTokenMeantForAnotherServiceOrSignedByAnyoneElse() {
        String sku = stocked(5);

        assertInvalidToken(Http.as(Tokens.service("user")).post(reservations, request(unique("aud"), sku, 1)));
        assertInvalidToken(Http.as(Tokens.forService("inventory").signedByAttacker().sign())
                .post(reservations, request(unique("forged"), sku, 1)));
        assertInvalidToken(Http.as(Tokens.forService("inventory").expiresAt(Instant.now().minusSeconds(300)).sign())
                .post(reservations, request(unique("expired"), sku, 1)));
        // the users' identity provider may not grant the service role: authentic, but no role here
        assertProblem(403, Http.as(Tokens.forSubject("order-service").groups("service").sign())
                .post(reservations, request(unique("idp"), sku, 1)));
        assertEquals(List.of(5, 0), level(sku));
    }

    @Test
    void theOrderServiceAndAnAdminReserveAndRelease() {
        String sku = stocked(5);
        String byService = unique("svc");
        String byAdmin = unique("adm");

        assertEquals(201, reserve(byService, sku, 2).status());
        assertEquals(201, ADMIN.post(reservations, request(byAdmin, sku, 1)).status());
        assertEquals(204, ADMIN.delete(reservations + "/" + byService).status());
        assertEquals(204, SERVICE.delete(reservations + "/" + byAdmin).status());
        assertEquals(List.of(5, 0), level(sku));
    }
}
