package org.apigate.gateway.aggregate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.aggregate.entity.Deadline;
import org.apigate.gateway.aggregate.entity.Outcome;
import org.apigate.gateway.routing.control.Upstream;
import org.apigate.gateway.exchange.BufferedReply;
import org.apigate.gateway.routing.entity.UpstreamRequest;

/**
 * One call of a composition through {@link Upstream} - the same discovery, load balancing, failover and passive
 * health as the proxy - within what is left until its deadline when it starts (so a call that waited for a thread
 * gets no more time than the client has). Its failure is returned as the branch's error, never thrown: one branch
 * must not break the others.
 */
@ApplicationScoped
public class BranchCall {

    @Inject
    Upstream upstream;

    public Outcome<BufferedReply> call(UpstreamRequest request, Deadline deadline) {
        try {
            return Outcome.of(upstream.fetch(request, deadline.left()));
        } catch (ProblemException e) {
            return Outcome.failed(BranchFailures.of(request.service(), e.problem()));
        } catch (RuntimeException e) {
            return Outcome.failed(BranchFailures.unexpected(request.service(), e));
        }
    }
}
