package org.apigate.order.users.control;

/** user-war answered an error status other than 404. */
public class UserServiceErrorException extends RuntimeException {

    public UserServiceErrorException(int status) {
        super("user service answered " + status, null, false, false);
    }
}
