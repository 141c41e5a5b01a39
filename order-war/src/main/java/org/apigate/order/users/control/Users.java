package org.apigate.order.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.faulttolerance.TimeoutInterrupts;

import java.util.logging.Logger;

/** Whether a user exists, with every failure that is not a clear "no" reported as unavailable. */
@ApplicationScoped
public class Users {

    private static final Logger LOG = Logger.getLogger(Users.class.getName());

    @Inject
    UserCalls calls;

    public void requireExisting(String id) {
        try {
            calls.find(id);
        } catch (Exception e) {
            // Exception, not RuntimeException: when @Timeout has interrupted the first attempt, Payara's @Retry
            // delay ends at once with an InterruptedException it throws undeclared - a 500 if it got through
            TimeoutInterrupts.clearAfterFailedCall();
            if (e instanceof UnknownUserException unknown) {
                throw unknown;
            }
            LOG.warning(() -> "User service unavailable while checking user " + id + ": " + e);
            throw new UserServiceUnavailableException(e);
        }
    }
}
