package org.apigate.common.problem;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import org.apigate.common.persistence.TransientDatabaseFailure;
import org.apigate.common.requestid.RequestId;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything no other mapper knows. An exception wrapped by the EJB container is unwrapped and mapped by its cause;
 * a database that cannot serve now (lock wait timed out, deadlock, connection lost) is a 503 with Retry-After;
 * anything else is a defect: logged with the request id, answered with a 500 problem without internals.
 */
@Provider
public class UnexpectedExceptionMapper extends ProblemMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    /** Request attribute: the failure already logged for this request. */
    private static final String LOGGED = UnexpectedExceptionMapper.class.getName() + ".logged";
    static final String RETRY_AFTER_SECONDS = "1";
    static final Problem DATABASE_BUSY = Problem.typed(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
            "database-busy", "Database busy", "The service's database could not serve the request now (a lock wait "
                    + "timed out or the connection failed). Retry after Retry-After seconds.");

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable exception) {
        if (TransientDatabaseFailure.in(exception)) {
            if (firstTimeFor(exception)) {
                LOG.warning("Database busy or unreachable for request " + RequestId.of(request) + ": " + exception);
            }
            return Response.fromResponse(DATABASE_BUSY.toResponse(RequestId.of(request)))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        Throwable cause = exception.getCause();
        if (exception instanceof EJBException && cause != null) {
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            if (mapper != null) {
                return mapper.toResponse(cause);
            }
        }
        if (firstTimeFor(exception)) {
            LOG.log(Level.SEVERE, "Unexpected failure of request " + RequestId.of(request), exception);
        }
        return super.toResponse(exception);
    }

    /**
     * Whether this request has not logged {@code failure} yet: Jersey's mapper for EJB exceptions maps the cause
     * twice (once to decide whether it is mappable, once for the response), so this mapper sees it twice.
     */
    private boolean firstTimeFor(Throwable failure) {
        if (request == null) {
            return true;
        }
        boolean first = request.getAttribute(LOGGED) != failure;
        request.setAttribute(LOGGED, failure);
        return first;
    }

    @Override
    Problem problemFor(Throwable exception) {
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "The server could not complete the request; quote the request id when reporting it.");
    }
}
