package org.apigate.gateway.aggregate.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.aggregate.entity.BranchError;
import org.apigate.gateway.aggregate.entity.Outcome;
import org.apigate.gateway.aggregate.entity.Overview;
import org.apigate.gateway.aggregate.entity.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the branches' outcomes become an overview, a partial one, or a problem with the right status. */
class OverviewAssemblyTest {

    static final JsonObject USER = Json.createObjectBuilder().add("id", "u1").add("username", "ann").build();
    static final JsonArray ORDERS = Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "o1")).build();
    static final JsonObject STOCK = Json.createObjectBuilder().add("A", 3).build();

    static BranchError error(String service, Reason reason, Integer status) {
        return new BranchError(service, reason, status, "because");
    }

    @Test
    void everyPartMakesACompleteOverview() {
        Overview overview = OverviewAssembly.assemble("u1", Outcome.of(USER), Outcome.of(ORDERS), Outcome.of(STOCK));

        assertTrue(overview.complete());
        assertEquals(Json.createObjectBuilder().add("user", USER).add("orders", ORDERS).add("stock", STOCK)
                .add("complete", true).add("errors", Json.createArrayBuilder()).build(), overview.toJson());
    }

    @Test
    void aFailedUserLeavesAPartialOverviewWithTheOrders() {
        BranchError timeout = error("user", Reason.TIMEOUT, null);

        Overview overview = OverviewAssembly.assemble("u1", Outcome.failed(timeout), Outcome.of(ORDERS),
                Outcome.of(STOCK));

        assertFalse(overview.complete());
        JsonObject json = overview.toJson();
        assertTrue(json.isNull("user"));
        assertEquals(ORDERS, json.getJsonArray("orders"));
        assertFalse(json.getBoolean("complete"));
        assertEquals(List.of(timeout.toJson()), json.getJsonArray("errors"));
        assertEquals(Json.createObjectBuilder().add("service", "user").add("reason", "timeout")
                .add("detail", "because").build(), timeout.toJson());
    }

    @Test
    void failedOrdersLeaveTheStockUnaskedAndOnlyTheOrdersInError() {
        BranchError refused = error("order", Reason.REFUSED, null);

        JsonObject json = OverviewAssembly.assemble("u1", Outcome.of(USER), Outcome.failed(refused),
                Outcome.notAsked()).toJson();

        assertEquals(USER, json.getJsonObject("user"));
        assertTrue(json.isNull("orders"));
        assertTrue(json.isNull("stock"));
        assertEquals(List.of(refused.toJson()), json.getJsonArray("errors"));
    }

    @Test
    void failedStockStillShowsTheOrders() {
        BranchError status = error("inventory", Reason.UPSTREAM_STATUS, 500);

        JsonObject json = OverviewAssembly.assemble("u1", Outcome.failed(error("user", Reason.TIMEOUT, null)),
                Outcome.of(ORDERS), Outcome.failed(status)).toJson();

        assertEquals(ORDERS, json.getJsonArray("orders"));
        assertEquals(500, json.getJsonArray("errors").getJsonObject(1).getInt("status"));
    }

    @Test
    void anUnknownUserIs404WhateverTheOtherBranchesDid() {
        ProblemException e = assertThrows(ProblemException.class, () -> OverviewAssembly.assemble("ghost",
                Outcome.failed(error("user", Reason.UPSTREAM_STATUS, 404)), Outcome.of(ORDERS), Outcome.of(STOCK)));

        assertEquals(404, e.problem().status());
        assertTrue(e.problem().detail().contains("ghost"));
    }

    @Test
    void nothingArrivedIs504WhenEveryBranchTimedOut() {
        assertEquals(504, status(error("user", Reason.TIMEOUT, null), error("order", Reason.TIMEOUT, null)));
    }

    @Test
    void nothingArrivedIs503WhenNoServiceWasAvailable() {
        assertEquals(503, status(error("user", Reason.UNAVAILABLE, null), error("order", Reason.UNAVAILABLE, 503)));
    }

    @Test
    void nothingArrivedIs502ForAnyOtherMix() {
        assertEquals(502, status(error("user", Reason.REFUSED, null), error("order", Reason.REFUSED, null)));
        assertEquals(502, status(error("user", Reason.TIMEOUT, null), error("order", Reason.UNAVAILABLE, null)));
        assertEquals(502, status(error("user", Reason.UPSTREAM_STATUS, 500), error("order", Reason.TIMEOUT, null)));
        assertEquals(502, status(error("user", Reason.INVALID_RESPONSE, 200), error("order", Reason.FAILED, null)));
    }

    @Test
    void theProblemListsEveryBranchError() {
        BranchError user = error("user", Reason.TIMEOUT, null);
        BranchError order = error("order", Reason.REFUSED, null);

        ProblemException e = assertThrows(ProblemException.class, () -> OverviewAssembly.assemble("u1",
                Outcome.failed(user), Outcome.failed(order), Outcome.notAsked()));

        JsonObject problem = e.problem().toJson("rid");
        assertEquals(List.of(user.toJson(), order.toJson()), problem.getJsonArray("errors"));
        assertTrue(problem.getString("type").endsWith("/upstream-failed"), problem::toString);
    }

    static int status(BranchError user, BranchError order) {
        return assertThrows(ProblemException.class, () -> OverviewAssembly.assemble("u1", Outcome.failed(user),
                Outcome.failed(order), Outcome.notAsked())).problem().status();
    }
}
