package org.apigate.gateway.aggregate.control;

import org.apigate.gateway.aggregate.entity.Deadline;
import org.apigate.gateway.aggregate.entity.Outcome;
import org.apigate.gateway.exchange.BufferedReply;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call under way, and the wait for it that never outlasts its deadline: whatever the call does, the overview gets
 * the service's answer or the reason why there is none, in time.
 */
final class PendingBranch {

    private final String service;
    private final Future<Outcome<BufferedReply>> call;
    private final Deadline deadline;

    PendingBranch(String service, Future<Outcome<BufferedReply>> call, Deadline deadline) {
        this.service = service;
        this.call = call;
        this.deadline = deadline;
    }

    Outcome<BufferedReply> await() {
        try {
            return call.get(Math.max(0, deadline.left().toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // a call still waiting for a thread will not run; a running one ends by itself at the same deadline
            call.cancel(true);
            return Outcome.failed(BranchFailures.timeout(service));
        } catch (ExecutionException e) {
            return Outcome.failed(BranchFailures.unexpected(service, e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return Outcome.failed(BranchFailures.unexpected(service, e));
        }
    }
}
