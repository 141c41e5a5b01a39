package org.apigate.gateway.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.apigate.common.requestid.RequestId;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;

/**
 * The request's id: the client's {@code X-Request-Id} when well-formed, else a new one - as settled by the
 * {@link org.apigate.common.requestid.RequestIdFilter} every WAR runs, so the gateway and the services agree on it.
 * It is echoed on the answer and sent with every call to a service.
 */
@ApplicationScoped
public class AssignRequestId implements Stage {

    @Override
    public boolean apply(Exchange exchange) {
        String id = RequestId.of(exchange.request());
        exchange.requestId(id != null ? id
                : RequestId.acceptOrGenerate(exchange.request().getHeader(RequestId.HEADER)));
        return true;
    }
}
