package org.apigate.gateway.aggregate.control;

import org.apigate.common.problem.Problem;
import org.apigate.gateway.aggregate.entity.BranchError;
import org.apigate.gateway.aggregate.entity.Reason;

import java.util.logging.Level;
import java.util.logging.Logger;

/** A branch's failure to get any answer, as the error the overview shows for it. */
final class BranchFailures {

    private static final Logger LOG = Logger.getLogger(BranchFailures.class.getName());

    private BranchFailures() {
    }

    /** The routing's problem ({@code Upstream.exchange}): 504 timed out, 503 no instance, 502 refused or dropped. */
    static BranchError of(String service, Problem problem) {
        return switch (problem.status()) {
            case 504 -> timeout(service);
            case 503 -> new BranchError(service, Reason.UNAVAILABLE, null, problem.detail());
            case 502 -> new BranchError(service, Reason.REFUSED, null, problem.detail());
            default -> new BranchError(service, Reason.FAILED, null, problem.detail());
        };
    }

    static BranchError timeout(String service) {
        return new BranchError(service, Reason.TIMEOUT, null, "The " + service + " service did not answer in time.");
    }

    static BranchError unexpected(String service, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "Calling the " + service + " service failed unexpectedly");
        return new BranchError(service, Reason.FAILED, null, "The gateway could not call the " + service + " service.");
    }
}
