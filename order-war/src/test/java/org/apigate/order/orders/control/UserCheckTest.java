package org.apigate.order.orders.control;

import org.apigate.common.problem.ProblemException;
import org.apigate.order.users.control.UnknownUserException;
import org.apigate.order.users.control.UserCalls;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every failure of the guarded user lookup ends as "unknown user" (404) or "user service unavailable" (503), never as
 * anything a client would see as a 500 - including the InterruptedException Payara's {@code @Retry} throws undeclared
 * when its delay is cut short by the interrupt of an earlier {@code @Timeout} (found with 200 concurrent orders on a
 * busy machine).
 */
class UserCheckTest {

    static OrderPlacement lookupFailingWith(Exception failure) {
        OrderPlacement placement = new OrderPlacement();
        placement.users = new UserCalls() {
            @Override
            public void find(String id) {
                UserCheckTest.<RuntimeException>throwUndeclared(failure);
            }
        };
        return placement;
    }

    @SuppressWarnings("unchecked")
    static <T extends Exception> void throwUndeclared(Exception failure) throws T {
        throw (T) failure;
    }

    @Test
    void anInterruptedRetryDelayIsUnavailableAndLeavesNoInterrupt() {
        Thread.currentThread().interrupt(); // what the @Timeout left behind

        ProblemException thrown = assertThrows(ProblemException.class,
                () -> lookupFailingWith(new InterruptedException("sleep interrupted")).requireUser("u1"));

        assertEquals(503, thrown.problem().status());
        assertFalse(Thread.currentThread().isInterrupted(), "the stale interrupt is cleared");
    }

    @Test
    void anyOtherFailureIsUnavailable() {
        ProblemException thrown = assertThrows(ProblemException.class,
                () -> lookupFailingWith(new IllegalStateException("CircuitBreaker open")).requireUser("u1"));

        assertEquals(503, thrown.problem().status());
    }

    @Test
    void anUnknownUserIsNotFound() {
        ProblemException thrown = assertThrows(ProblemException.class,
                () -> lookupFailingWith(new UnknownUserException()).requireUser("u1"));

        assertEquals(404, thrown.problem().status());
    }
}
