package org.apigate.gateway.aggregate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apigate.gateway.aggregate.entity.Deadline;
import org.apigate.gateway.aggregate.entity.Outcome;
import org.apigate.gateway.aggregate.entity.Overview;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Composes an overview along its critical path. The user call starts on the EJB asynchronous pool; meanwhile the
 * request's own thread asks for the user's orders and, as soon as they are in, makes one batch call for the stock of
 * their SKUs - the dependent chain needs no thread of its own, as the request's thread would only wait. So an overview
 * takes about max(user, orders + stock), not their sum, and holds one pool thread. Each call has its own timeout from
 * its start, and all of them the request's deadline.
 */
@ApplicationScoped
public class OverviewComposer {

    @Inject
    ParallelBranches parallel;

    @Inject
    BranchCall branch;

    @Inject
    OverviewSettings settings;

    /**
     * @param userId    the user's id, decoded
     * @param forwarded the headers the proxy would forward for this request
     * @throws org.apigate.common.problem.ProblemException 404 for an unknown user, 502/503/504 when nothing arrived
     */
    public Overview compose(String userId, Map<String, List<String>> forwarded) {
        Map<String, List<String>> headers = BranchRequests.headers(forwarded);
        Duration branchTimeout = settings.branchTimeout();
        Deadline whole = Deadline.after(settings.deadline());

        UpstreamRequest userCall = BranchRequests.user(userId, headers, branchTimeout);
        Deadline userDeadline = deadline(branchTimeout, whole);
        PendingBranch user = new PendingBranch(userCall.service(), parallel.call(userCall, userDeadline), userDeadline);
        Outcome<JsonArray> orderList = BranchReplies.array(BranchRequests.ORDER,
                branch.call(BranchRequests.orders(userId, headers, branchTimeout), deadline(branchTimeout, whole)));
        Outcome<JsonObject> stock = stockOf(orderList, headers, branchTimeout, whole);
        return OverviewAssembly.assemble(userId, BranchReplies.object(BranchRequests.USER, user.await()), orderList, stock);
    }

    /** Not asked when the orders are unknown; no call when they name no SKU. */
    private Outcome<JsonObject> stockOf(Outcome<JsonArray> orders, Map<String, List<String>> headers,
                                        Duration branchTimeout, Deadline whole) {
        if (!orders.succeeded()) {
            return Outcome.notAsked();
        }
        SortedSet<String> skus = BranchReplies.skus(orders.value());
        if (skus.isEmpty()) {
            return Outcome.of(JsonValue.EMPTY_JSON_OBJECT);
        }
        return BranchReplies.stock(BranchRequests.INVENTORY,
                branch.call(BranchRequests.stock(skus, headers, branchTimeout), deadline(branchTimeout, whole)));
    }

    /** A call's deadline: its own timeout from now, or the request's deadline if that is earlier. */
    private static Deadline deadline(Duration branchTimeout, Deadline whole) {
        return Deadline.after(branchTimeout).earliest(whole);
    }
}
