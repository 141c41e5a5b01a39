package org.apigate.gateway.auth;

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
 * The 401 answers of RFC 6750: {@code WWW-Authenticate: Bearer} when no token was sent, plus
 * {@code error="invalid_token"} when one was sent and refused; always with a problem body.
 */
final class Unauthorized {

    static final String CHALLENGE = "Bearer";
    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    private Unauthorized() {
    }

    static Problem missingToken() {
        return Problem.of(Response.Status.UNAUTHORIZED,
                "This resource needs a bearer token: send Authorization: Bearer <JWT>.");
    }

    static Problem invalidToken(String detail) {
        return Problem.typed(Response.Status.UNAUTHORIZED.getStatusCode(), "invalid-token", "Invalid token", detail);
    }

    /**
     * Writes the 401 for a refused token directly to the servlet response: it is produced during authentication,
     * before the request-id filter and JAX-RS, so the request id is settled here as that filter would.
     */
    static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, String detail)
            throws AuthenticationException {
        String requestId = RequestId.of(request) != null ? RequestId.of(request)
                : RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
        response.setHeader(RequestId.HEADER, requestId);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(invalidToken(detail).toJson(requestId).toString());
        } catch (IOException e) {
            throw new AuthenticationException("Could not answer a refused bearer token", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
