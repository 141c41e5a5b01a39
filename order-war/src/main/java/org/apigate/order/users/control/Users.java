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
        } catch (RuntimeException e) {
            TimeoutInterrupts.clearAfterFailedCall();
            if (e instanceof UnknownUserException) {
                throw e;
            }
            LOG.warning(() -> "User service unavailable while checking user " + id + ": " + e);
            throw new UserServiceUnavailableException(e);
        }
    }
}
