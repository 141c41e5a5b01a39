package org.apigate.common.auth;

import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.apigate.common.problem.Problem;
import org.apigate.common.requestid.RequestId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answers of RFC 6750 when authentication fails, always with a problem body: {@code WWW-Authenticate: Bearer}
 * when no token was sent ({@link MissingTokenMapper}), plus {@code error="invalid_token"} when one was sent and
 * refused; a 503 with {@code Retry-After} when the issuer's keys cannot be read.
 */
public final class Unauthorized {

    public static final String CHALLENGE = "Bearer";
    public static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";
    static final String KEYS_RETRY_AFTER_SECONDS = "5";

    private Unauthorized() {
    }

    public static Problem missingToken() {
        return Problem.of(Response.Status.UNAUTHORIZED,
                "This resource needs a bearer token: send Authorization: Bearer <JWT>.");
    }

    static Problem invalidToken(String detail) {
        return Problem.typed(Response.Status.UNAUTHORIZED.getStatusCode(), "invalid-token", "Invalid token", detail);
    }

    static Problem keysUnavailable(String detail) {
        return Problem.typed(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), "token-keys-unavailable",
                "Token keys unavailable", detail);
    }

    /** The answer to a refused token as a JAX-RS response: 401 (or 503 when the keys cannot be read), a problem. */
    public static Response refusal(TokenRefusedException refusal, String requestId) {
        if (refusal instanceof KeysUnavailableException) {
            return Response.fromResponse(keysUnavailable(refusal.getMessage()).toResponse(requestId))
                    .header(HttpHeaders.RETRY_AFTER, KEYS_RETRY_AFTER_SECONDS).build();
        }
        return Response.fromResponse(invalidToken(refusal.getMessage()).toResponse(requestId))
                .header(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE).build();
    }

    /**
     * Writes the answer to a refused token straight to the servlet response: authentication runs before the
     * request-id filter and JAX-RS, so the request id is settled here as that filter would settle it.
     */
    static AuthenticationStatus refuse(HttpServletResponse response, TokenRefusedException refusal, String requestId)
            throws AuthenticationException {
        Problem problem;
        if (refusal instanceof KeysUnavailableException) {
            problem = keysUnavailable(refusal.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, KEYS_RETRY_AFTER_SECONDS);
        } else {
            problem = invalidToken(refusal.getMessage());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
        }
        response.setStatus(problem.status());
        response.setHeader(RequestId.HEADER, requestId);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(problem.toJson(requestId).toString());
        } catch (IOException e) {
            throw new AuthenticationException("Could not answer a refused bearer token", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** The request's id: the client's when well-formed, else a new one (the request-id filter has not run yet). */
    static String requestId(HttpServletRequest request) {
        return RequestId.of(request) != null ? RequestId.of(request)
                : RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
    }
}
