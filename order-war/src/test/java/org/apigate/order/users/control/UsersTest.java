package org.apigate.order.users.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;


/**
 * Every failure of the guarded user lookup ends as "unknown user" or "unavailable", never as anything a client
 * would see as a 500 - including the InterruptedException Payara's {@code @Retry} throws undeclared when its delay
 * is cut short by the interrupt of an earlier {@code @Timeout} (found with 200 concurrent orders on a busy machine).
 */
class UsersTest {

    static Users failingWith(Exception failure) {
        Users users = new Users();
        users.calls = new UserCalls() {
            @Override
            public void find(String id) {
                UsersTest.<RuntimeException>throwUndeclared(failure);
            }
        };
        return users;
    }

    @SuppressWarnings("unchecked")
    static <T extends Exception> void throwUndeclared(Exception failure) throws T {
        throw (T) failure;
    }

    @Test
    void anInterruptedRetryDelayIsUnavailableAndLeavesNoInterrupt() {
        InterruptedException interrupted = new InterruptedException("sleep interrupted");
        Thread.currentThread().interrupt(); // what the @Timeout left behind

        UserServiceUnavailableException thrown = assertThrows(UserServiceUnavailableException.class,
                () -> failingWith(interrupted).requireExisting("u1"));

        assertSame(interrupted, thrown.getCause());
        assertFalse(Thread.currentThread().isInterrupted(), "the stale interrupt is cleared");
    }

    @Test
    void anUnknownUserStaysUnknown() {
        assertThrows(UnknownUserException.class,
                () -> failingWith(new UnknownUserException()).requireExisting("u1"));
    }
}
