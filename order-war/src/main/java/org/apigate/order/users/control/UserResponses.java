package org.apigate.order.users.control;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** user-war's 404 means the user does not exist; any other error status means the service failed. */
public class UserResponses implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public RuntimeException toThrowable(Response response) {
        return response.getStatus() == Response.Status.NOT_FOUND.getStatusCode()
                ? new UnknownUserException()
                : new UserServiceErrorException(response.getStatus());
    }
}
