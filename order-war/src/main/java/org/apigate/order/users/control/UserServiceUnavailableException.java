package org.apigate.order.users.control;

/** No usable answer from user-war: refused, timed out, circuit open or an error status. */
public class UserServiceUnavailableException extends RuntimeException {

    public UserServiceUnavailableException(Throwable cause) {
        super("user service unavailable", cause);
    }
}
