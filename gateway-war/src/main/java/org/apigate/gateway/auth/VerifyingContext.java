package org.apigate.gateway.auth;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The message context handed to the platform mechanism for one verification attempt. It keeps the platform from
 * answering a refused token itself (its 401 has no body and could not be retried after a key reload), and it checks
 * {@code nbf} and {@code iat} on the verified token before the caller is logged in, which the platform does not.
 */
final class VerifyingContext extends HttpMessageContextWrapper {

    private final long nowSeconds;
    private final long skewSeconds;
    private AuthenticationStatus status;
    private String refusal;
    private boolean refusedByPlatform;
    private CredentialValidationResult accepted;

    VerifyingContext(HttpMessageContext context, long nowSeconds, long skewSeconds) {
        super(context);
        this.nowSeconds = nowSeconds;
        this.skewSeconds = skewSeconds;
    }

    @Override
    public AuthenticationStatus responseUnauthorized() {
        refusedByPlatform = true;
        refusal = "The bearer token is not valid: bad signature, unknown key, wrong issuer or audience, or expired.";
        return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        if (result.getCallerPrincipal() instanceof JsonWebToken token) {
            refusal = TokenTimes.violation(token, nowSeconds, skewSeconds);
        }
        if (refusal != null) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            accepted = result;
        }
        return super.notifyContainerAboutLogin(result);
    }

    void status(AuthenticationStatus status) {
        this.status = status;
    }

    AuthenticationStatus status() {
        return status;
    }

    /** Why the token was refused, or null when it was accepted (or when there was nothing to verify). */
    String refusal() {
        return refusal;
    }

    /** The platform's result for a token it accepted and the gateway did not refuse, or null. */
    CredentialValidationResult accepted() {
        return accepted;
    }

    /** Whether the platform refused the token, so that reloading the issuer's keys might change the answer. */
    boolean refusedByPlatform() {
        return refusedByPlatform;
    }
}
