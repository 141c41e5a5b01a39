package org.apigate.gateway.routing.control;

import jakarta.ws.rs.core.Response;
import org.apigate.common.requestid.RequestId;
import org.apigate.gateway.routing.entity.UpstreamReply;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * A service's answer as the client's response: same status, end-to-end headers and body. A {@code Location} that
 * points into the service is rewritten to the gateway's public URL, so clients never see an internal address.
 */
public final class Replies {

    private static final String LOCATION = "Location";

    private Replies() {
    }

    public static Response toResponse(UpstreamReply reply, String service, URI publicBase) {
        Response.ResponseBuilder response = Response.status(reply.status());
        // the request id on the response is the gateway's own (set by its filter; the service echoes the same one)
        Headers.endToEnd(reply.headers(), List.of(RequestId.HEADER, LOCATION))
                .forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        reply.header(LOCATION).ifPresent(location -> response.header(LOCATION,
                publicLocation(location, service, publicBase)));
        if (reply.body().length > 0) {
            response.entity(reply.body());
        }
        return response.build();
    }

    /** {@code http://10.0.0.5:8082/order/api/orders/7} as {@code <public base>/api/orders/7}; others unchanged. */
    static String publicLocation(String location, String service, URI publicBase) {
        try {
            URI uri = new URI(location);
            return RouteTable.publicPath(service, uri.getRawPath() == null ? "" : uri.getRawPath())
                    .map(path -> publicBase.resolve(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .map(URI::toString)
                    .orElse(location);
        } catch (URISyntaxException e) {
            return location;
        }
    }
}
