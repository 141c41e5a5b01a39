package org.apigate.gateway.observability.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apigate.common.requestid.RequestId;
import org.apigate.gateway.observability.control.AccessLog;
import org.apigate.gateway.observability.control.Exchange;
import org.apigate.gateway.observability.control.GatewayMetrics;
import org.apigate.gateway.observability.control.RouteLabel;

/**
 * Starts the clock when the container starts serving a request (before authentication) and, when it is done with
 * it, counts the request and writes its access-log line - with the status the client got, whoever answered: the
 * application (seen by {@link ExchangeFilter}) or the authentication mechanism refusing a token.
 */
@WebListener
public class ExchangeListener implements ServletRequestListener {

    @Inject
    GatewayMetrics metrics;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        Exchange.begin(event.getServletRequest());
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        Exchange exchange = Exchange.end(event.getServletRequest());
        if (exchange == null || exchange.response() == null
                || !(event.getServletRequest() instanceof HttpServletRequest request)) {
            return;
        }
        HttpServletResponse response = exchange.response();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String route = RouteLabel.of(path);
        int status = response.getStatus();
        metrics.request(route, status);
        AccessLog.write(exchange, route, request.getMethod(), path, status, response.getHeader(RequestId.HEADER));
    }
}
