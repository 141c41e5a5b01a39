package org.apigate.gateway.observability.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apigate.gateway.observability.control.Exchange;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.security.Principal;

/**
 * Every request that gets past authentication: remembers its response (for the status) and, once the application
 * answered, the authenticated subject (the token's {@code sub}) for {@link ExchangeListener}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ExchangeFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Exchange exchange = Exchange.answeredBy(request, response);
        try {
            chain.doFilter(request, response);
        } finally {
            exchange.subject(subjectOf(request.getUserPrincipal()));
        }
    }

    private static String subjectOf(Principal principal) {
        if (principal instanceof JsonWebToken token) {
            return token.getSubject();
        }
        return principal == null ? null : principal.getName();
    }
}
