package org.apigate.common.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jersey wraps a body that JSON-B cannot read (not JSON, or JSON of the wrong shape) in a ProcessingException:
 * that is the client's mistake, 400. Any other ProcessingException is ours, 500.
 */
@Provider
public class MalformedJsonMapper extends ProblemMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(MalformedJsonMapper.class.getName());

    @Override
    Problem problemFor(ProcessingException exception) {
        if (causedByJson(exception)) {
            return Problem.typed(Response.Status.BAD_REQUEST.getStatusCode(), "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON for this resource.");
        }
        LOG.log(Level.SEVERE, "Processing failure", exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "The server could not complete the request; quote the request id when reporting it.");
    }

    private static boolean causedByJson(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}
