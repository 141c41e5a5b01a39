package org.apigate.gateway.aggregate.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.aggregate.entity.BranchError;
import org.apigate.gateway.aggregate.entity.Outcome;
import org.apigate.gateway.aggregate.entity.Overview;
import org.apigate.gateway.aggregate.entity.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts the branches' outcomes together. The answer is an overview, partial if need be, as long as any part arrived;
 * otherwise a problem with the status the proxy would give for such failures:
 * <ul>
 * <li>{@code 404} when the user service says the user does not exist, whatever the other branches did;</li>
 * <li>{@code 504} when every branch timed out;</li>
 * <li>{@code 503} when no branch's service was available (no instance configured or healthy, or it answered 503);</li>
 * <li>{@code 502} for any other mix of failures (refused, dropped, an unexpected status or body).</li>
 * </ul>
 * The problem's {@code errors} member lists each branch's error, as a partial overview does.
 */
final class OverviewAssembly {

    /** Looked up once: {@code Json.create…} looks the provider up (a ServiceLoader scan) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private OverviewAssembly() {
    }

    static Overview assemble(String userId, Outcome<JsonObject> user, Outcome<JsonArray> orders,
                             Outcome<JsonObject> stock) {
        if (user.error() != null && Integer.valueOf(404).equals(user.error().status())) {
            throw new ProblemException(Problem.of(404, "Not Found", "There is no user " + userId + "."));
        }
        List<BranchError> errors = new ArrayList<>();
        Stream.of(user, orders, stock).filter(outcome -> outcome.error() != null)
                .forEach(outcome -> errors.add(outcome.error()));
        if (Stream.of(user, orders, stock).noneMatch(Outcome::succeeded)) {
            throw new ProblemException(nothingArrived(userId, errors));
        }
        return new Overview(user.value(), orders.value(), stock.value(), errors);
    }

    private static Problem nothingArrived(String userId, List<BranchError> errors) {
        String detail = "No part of the overview of user " + userId + " could be fetched.";
        Problem problem;
        if (errors.stream().allMatch(e -> e.reason() == Reason.TIMEOUT)) {
            problem = Problem.typed(504, "upstream-timeout", "Gateway Timeout", detail);
        } else if (errors.stream().allMatch(e -> e.reason() == Reason.UNAVAILABLE)) {
            problem = Problem.typed(503, "no-healthy-instance", "Service Unavailable", detail);
        } else {
            problem = Problem.typed(502, "upstream-failed", "Bad Gateway", detail);
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        errors.forEach(error -> list.add(error.toJson()));
        return problem.with("errors", list.build());
    }
}
