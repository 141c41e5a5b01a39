package org.apigate.order.users.control;

/** user-war answered 404 for the id. */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException() {
        super("unknown user", null, false, false);
    }
}
