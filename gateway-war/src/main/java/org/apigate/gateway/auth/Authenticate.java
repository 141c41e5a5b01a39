package org.apigate.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.auth.BearerHeader;
import org.apigate.common.auth.KeysUnavailableException;
import org.apigate.common.auth.TokenRefusedException;
import org.apigate.common.auth.TokenVerifier;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.Caller;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;

import java.util.logging.Logger;

/**
 * Who is calling: the bearer token verified by the MP JWT configuration every WAR shares ({@link TokenVerifier}:
 * {@code mp.jwt.verify.*}, roles from {@code gateway.auth.roles-claim}) - a token verified before costs a map lookup -
 * or nobody. A refused token does not end the request here: the caller is anonymous with the reason, so the request
 * counts under the anonymous rate limit first, and the authorize stage answers the 401 where the route needs a
 * token. Only when the issuer's keys cannot be read at all is the answer a 503 at once (the token may be fine).
 */
@ApplicationScoped
public class Authenticate implements Stage {

    private static final Logger LOG = Logger.getLogger(Authenticate.class.getName());

    @Inject
    TokenVerifier verifier;

    @Override
    public boolean apply(Exchange exchange) {
        try {
            String token = BearerHeader.tokenOf(exchange.request());
            exchange.caller(token == null ? Caller.ANONYMOUS : Caller.verified(verifier.verify(token)));
        } catch (KeysUnavailableException e) {
            exchange.gatewayHeaders().put("Retry-After", "5");
            throw new ProblemException(Problem.typed(503, "token-keys-unavailable", "Token keys unavailable",
                    e.getMessage()));
        } catch (TokenRefusedException e) {
            LOG.fine(() -> "Refused the bearer token of request " + exchange.requestId() + ": " + e.getMessage());
            exchange.caller(Caller.refused(e.getMessage()));
        }
        return true;
    }
}
