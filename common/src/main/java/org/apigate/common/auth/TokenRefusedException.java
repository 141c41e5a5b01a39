package org.apigate.common.auth;

/**
 * A bearer token that is not accepted. The message says why in words that are safe to show to the client and to
 * log: it never repeats anything of the token itself.
 */
public class TokenRefusedException extends Exception {

    public TokenRefusedException(String detail) {
        super(detail, null, false, false);
    }
}
