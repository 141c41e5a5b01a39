package org.apigate.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.apigate.gateway.exchange.Caller;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;

/**
 * Who is calling: the caller the container's authentication (the MP JWT realm, {@link BearerTokenMechanism})
 * established from the bearer token, or anonymous. Whether the route needs a caller is the authorize stage's
 * decision, after the rate limit counted the request.
 */
@ApplicationScoped
public class Authenticate implements Stage {

    @Override
    public boolean apply(Exchange exchange) {
        Principal principal = exchange.request().getUserPrincipal();
        exchange.caller(principal instanceof JsonWebToken token ? Caller.verified(token) : Caller.ANONYMOUS);
        return true;
    }
}
