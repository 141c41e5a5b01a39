package org.apigate.gateway.target;

import jakarta.enterprise.context.ApplicationScoped;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;

/** Parses the request target as the client sent it (still encoded) into its canonical form, or refuses it (400). */
@ApplicationScoped
public class ParseTarget implements Stage {

    @Override
    public boolean apply(Exchange exchange) {
        String uri = exchange.request().getRequestURI();
        String path = uri.substring(exchange.request().getContextPath().length());
        exchange.target(TargetParser.parse(path, exchange.request().getQueryString()));
        return true;
    }
}
