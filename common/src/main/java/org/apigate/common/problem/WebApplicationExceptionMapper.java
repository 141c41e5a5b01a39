package org.apigate.common.problem;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.apigate.common.requestid.RequestId;

/**
 * JAX-RS's own errors (unknown route 404, wrong method 405, wrong content type 415, ...) as problems. The message
 * of a client error is safe to show; a server error's is not, so it gets a generic detail.
 */
@Provider
public class WebApplicationExceptionMapper extends ProblemMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.ResponseBuilder problem = Response.fromResponse(
                problemFor(exception).toResponse(RequestId.of(request)));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            problem.header(HttpHeaders.ALLOW, allow);
        }
        return problem.build();
    }

    @Override
    Problem problemFor(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        return Problem.of(status, detail(exception, status.getStatusCode()));
    }

    private String detail(WebApplicationException exception, int status) {
        if (exception instanceof NotSupportedException) {
            return "Content-Type " + request.getContentType() + " is not supported here; send application/json.";
        }
        if (exception instanceof NotAllowedException) {
            return "Method " + request.getMethod() + " is not allowed on " + request.getRequestURI() + ".";
        }
        if (status == 404) {
            return "Nothing is found at " + request.getRequestURI() + ".";
        }
        return status < 500 ? exception.getMessage() : "The server could not complete the request.";
    }
}
