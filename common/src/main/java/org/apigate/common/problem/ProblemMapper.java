package org.apigate.common.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.apigate.common.requestid.RequestId;

/** Base of the mapper family: renders a {@link Problem} with the current request id. */
abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(E exception) {
        return problemFor(exception).toResponse(RequestId.of(request));
    }

    abstract Problem problemFor(E exception);
}
