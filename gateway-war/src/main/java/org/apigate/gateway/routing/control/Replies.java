package org.apigate.gateway.routing.control;

import jakarta.ws.rs.core.Response;
import org.apigate.common.requestid.RequestId;
import org.apigate.gateway.routing.entity.UpstreamReply;

import java.util.List;

/** A service's answer as the client's response: same status, end-to-end headers and body. */
public final class Replies {

    private Replies() {
    }

    public static Response toResponse(UpstreamReply reply) {
        Response.ResponseBuilder response = Response.status(reply.status());
        // the request id on the response is the gateway's own (set by its filter; the service echoes the same one)
        Headers.endToEnd(reply.headers(), List.of(RequestId.HEADER))
                .forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        if (reply.body().length > 0) {
            response.entity(reply.body());
        }
        return response.build();
    }
}
