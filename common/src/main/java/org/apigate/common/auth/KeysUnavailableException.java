package org.apigate.common.auth;

/**
 * The issuer's keys could not be read (the JWKS endpoint or key file failed and no earlier keys are kept): the token
 * may well be valid, so the answer is a 503 to retry, not a 401 that would send the client to log in again.
 */
public class KeysUnavailableException extends TokenRefusedException {

    public KeysUnavailableException(String detail) {
        super(detail);
    }
}
