package org.apigate.gateway.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.auth.Roles;
import org.apigate.common.auth.Unauthorized;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.access.entity.Verdict;
import org.apigate.gateway.exchange.Caller;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.routing.control.ProxySettings;

import java.io.IOException;

/**
 * May this caller make this call? A public route: anyone. Otherwise a verified token (401 with
 * {@code WWW-Authenticate: Bearer}, plus {@code error="invalid_token"} when one was sent and refused), one of the
 * route's roles (403), and - for a caller that is not {@code admin} - the owner rules of the shipped services
 * ({@link AccessRules}, 403). A rule that needs the body reads it (within the route's limit) and the same bytes are
 * forwarded; a rule that needs an order's owner asks the order service ({@link OrderOwners}) first.
 */
@ApplicationScoped
public class Authorize implements Stage {

    @Inject
    OrderOwners owners;

    @Inject
    ProxySettings settings;

    @Override
    public boolean apply(Exchange exchange) throws IOException {
        Route route = exchange.route();
        // no exception for a preflight: while CORS is on, the CORS stage has answered it already; while CORS is
        // off, it is an OPTIONS like any other, and without a token it must not reach the service
        if (route.isPublic()) {
            return true;
        }
        Caller caller = exchange.caller();
        if (!caller.authenticated()) {
            throw unauthenticated(exchange, caller);
        }
        if (route.roles().stream().noneMatch(caller::hasRole)) {
            throw forbidden("The caller's roles do not include one this route needs.");
        }
        if (caller.hasRole(Roles.ADMIN)) {
            return true;
        }
        Verdict verdict = AccessRules.decide(caller, exchange.method(), route, exchange.target(),
                route.kind() == Route.Kind.OVERVIEW ? exchange.target() : exchange.upstreamTarget());
        boolean allowed = switch (verdict.kind()) {
            case ALLOW -> true;
            case DENY -> false;
            case IF_OWN_ORDER -> owners.isOwnOrder(exchange, verdict.orderId());
            case IF_BODY_IS_CALLERS -> OrderBodies.namesCaller(exchange.bufferBody(settings.bodyLimit(route)),
                    caller);
        };
        if (!allowed) {
            throw forbidden("This caller may not " + exchange.method() + " " + exchange.target().path() + ".");
        }
        return true;
    }

    private static ProblemException unauthenticated(Exchange exchange, Caller caller) {
        if (caller.refusal() == null) {
            exchange.gatewayHeaders().put("WWW-Authenticate", Unauthorized.CHALLENGE);
            return new ProblemException(Unauthorized.missingToken());
        }
        exchange.gatewayHeaders().put("WWW-Authenticate", Unauthorized.INVALID_TOKEN_CHALLENGE);
        return new ProblemException(Problem.typed(401, "invalid-token", "Invalid token", caller.refusal()));
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }
}
