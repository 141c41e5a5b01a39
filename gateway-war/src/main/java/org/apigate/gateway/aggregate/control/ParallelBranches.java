package org.apigate.gateway.aggregate.control;

import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.apigate.gateway.aggregate.entity.Deadline;
import org.apigate.gateway.aggregate.entity.Outcome;
import org.apigate.gateway.exchange.BufferedReply;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.util.concurrent.Future;

/**
 * Runs a call of a composition in parallel with the request's thread, on the container's EJB asynchronous pool
 * (Payara Micro: 16 threads by default; see the package documentation). No transactions: nothing here is
 * transactional.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ParallelBranches {

    @Inject
    BranchCall branch;

    /**
     * The service's answer, or why there is none - returned, never thrown across the EJB boundary. The declared type
     * must be {@code Future}: Payara refuses to deploy an asynchronous method declared to return
     * {@code CompletableFuture}.
     */
    @Asynchronous
    public Future<Outcome<BufferedReply>> call(UpstreamRequest request, Deadline deadline) {
        return new AsyncResult<>(branch.call(request, deadline));
    }
}
