package org.apigate.gateway.pipeline;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apigate.common.requestid.RequestId;
import org.apigate.gateway.exchange.Caller;
import org.apigate.gateway.exchange.Exchange;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;

/**
 * The operators' area ({@code /admin/**}) is served by JAX-RS resources with {@code @RolesAllowed}, not by the
 * pipeline's stages; its requests are observed all the same - counted and access-logged by the pipeline's
 * listeners.
 */
@WebFilter(urlPatterns = "/admin/*")
public class AdminRequests extends HttpFilter {

    @Inject
    transient Pipeline pipeline;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Exchange exchange = new Exchange(request, response, System.nanoTime());
        exchange.requestId(RequestId.of(request));
        try {
            chain.doFilter(request, response);
        } finally {
            exchange.status(response.getStatus());
            if (request.getUserPrincipal() instanceof JsonWebToken token) {
                exchange.caller(Caller.verified(token));
            }
            pipeline.completed(exchange);
        }
    }
}
