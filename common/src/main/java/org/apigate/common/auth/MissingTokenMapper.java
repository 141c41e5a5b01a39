package org.apigate.common.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.apigate.common.requestid.RequestId;

/**
 * A {@code @RolesAllowed} resource reached without a bearer token: the platform's role filter (on because the
 * application declares {@code @LoginConfig(authMethod = "MP-JWT")}) throws {@link NotAuthorizedException}; the
 * answer is a 401 problem with the {@code WWW-Authenticate: Bearer} challenge. A token that was sent but refused
 * never gets this far: {@link BearerTokenMechanism} answers it.
 */
@Provider
public class MissingTokenMapper implements ExceptionMapper<NotAuthorizedException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(NotAuthorizedException exception) {
        return Response.fromResponse(Unauthorized.missingToken().toResponse(RequestId.of(request)))
                .header(HttpHeaders.WWW_AUTHENTICATE, Unauthorized.CHALLENGE)
                .build();
    }
}
