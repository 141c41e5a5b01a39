package org.apigate.gateway.auth;

/** Credentials that are refused before verification; the message is safe to show to the client. */
class InvalidTokenException extends Exception {

    InvalidTokenException(String detail) {
        super(detail, null, false, false);
    }
}
