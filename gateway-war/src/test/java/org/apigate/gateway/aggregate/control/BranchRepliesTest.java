package org.apigate.gateway.aggregate.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apigate.gateway.aggregate.entity.BranchError;
import org.apigate.gateway.aggregate.entity.Outcome;
import org.apigate.gateway.aggregate.entity.Reason;
import org.apigate.gateway.exchange.BufferedReply;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Reading the services' answers: the promised JSON, or an error that names the service and says why. */
class BranchRepliesTest {

    static Outcome<BufferedReply> answer(int status, String body) {
        return Outcome.of(new BufferedReply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheJsonTheContractPromises() {
        assertEquals("ann", BranchReplies.object("user", answer(200, "{\"username\":\"ann\"}")).value()
                .getString("username"));
        assertEquals(2, BranchReplies.array("order", answer(200, "[{},{}]")).value().size());
    }

    @Test
    void anotherStatusIsTheBranchsErrorWithTheServicesOwnDetail() {
        BranchError error = BranchReplies.object("user", answer(404,
                "{\"type\":\"t\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No user u9.\"}")).error();

        assertEquals(new BranchError("user", Reason.UPSTREAM_STATUS, 404, "The user service answered 404: No user u9."),
                error);
        assertEquals(new BranchError("order", Reason.UPSTREAM_STATUS, 500, "The order service answered 500."),
                BranchReplies.array("order", answer(500, "oops")).error());
    }

    @Test
    void a503AnswerMeansUnavailable() {
        BranchError error = BranchReplies.array("order", answer(503, "")).error();

        assertEquals(Reason.UNAVAILABLE, error.reason());
        assertEquals(503, error.status());
    }

    @Test
    void aBodyThatIsNotThePromisedJsonIsAnInvalidResponse() {
        for (String body : List.of("", "not json", "{\"an\":\"object\"}", "[1")) {
            BranchError error = BranchReplies.array("order", answer(200, body)).error();
            assertEquals(new BranchError("order", Reason.INVALID_RESPONSE, 200,
                    "The order service's answer is not the JSON array its API promises."), error, body);
        }
        assertEquals(Reason.INVALID_RESPONSE, BranchReplies.object("user", answer(200, "[]")).error().reason());
    }

    @Test
    void aFailedCallStaysFailed() {
        BranchError timeout = BranchFailures.timeout("inventory");

        assertSame(timeout, BranchReplies.stock("inventory", Outcome.failed(timeout)).error());
        assertFalse(BranchReplies.object("user", Outcome.failed(timeout)).succeeded());
    }

    @Test
    void stockMapsEachKnownSkuToItsAvailableCount() {
        String items = "[{\"sku\":\"A\",\"name\":\"a\",\"available\":3,\"reserved\":1},"
                + "{\"sku\":\"B\",\"name\":\"b\",\"available\":0,\"reserved\":0},{\"name\":\"no sku\"}]";

        JsonObject stock = BranchReplies.stock("inventory", answer(200, items)).value();

        assertEquals(Json.createObjectBuilder().add("A", 3).add("B", 0).build(), stock);
    }

    @Test
    void skusAreTheDistinctSkusOfAllOrderLinesSorted() {
        String json = "[{\"lines\":[{\"sku\":\"B\",\"quantity\":1},{\"sku\":\"A\",\"quantity\":2}]},"
                + "{\"lines\":[{\"sku\":\"B\",\"quantity\":5}]},{\"id\":\"no lines\"}]";
        JsonArray orders = Json.createReader(new StringReader(json)).readArray();

        assertEquals(List.of("A", "B"), List.copyOf(BranchReplies.skus(orders)));
        assertEquals(List.of(), List.copyOf(BranchReplies.skus(Json.createArrayBuilder().build())));
    }
}
