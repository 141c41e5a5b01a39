package org.apigate.gateway.observability.control;

import org.apigate.common.openapi.ApiComponents;
import org.apigate.common.openapi.StandardResponses;
import org.apigate.gateway.exchange.Route;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;

/**
 * What the gateway adds to every answer of a route's operations, whatever the service says: its own problems
 * (401/403 before the service is asked, 413, 429, 502, 503, 504), the rate-limit headers, {@code X-Request-Id};
 * and the route's roles. A service's own 503 stays, its description extended by the gateway's reason.
 */
final class GatewayAnswers {

    static final String UNAUTHORIZED = "No valid bearer token (WWW-Authenticate: Bearer, with error=\"invalid_token\" "
            + "when one was sent)";
    static final String FORBIDDEN = "The token's roles or subject do not allow this call";
    static final String TOO_LARGE = "The body is larger than the route's limit (gateway.proxy.max-body-bytes)";
    static final String RATE_LIMITED = "The caller's quota is used up (RateLimit, RateLimit-Policy); retry after "
            + "Retry-After seconds";
    static final String BAD_GATEWAY = "The service refused or dropped the connection";
    static final String UNAVAILABLE = "No instance of the service is available (none configured or in rotation)";
    static final String TIMEOUT = "The service did not answer in time";

    private GatewayAnswers() {
    }

    /** Completes {@code operation} of {@code route} (the overview's too). */
    static void complete(Operation operation, Route route) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.responses(responses);
        if (route.isPublic()) {
            operation.security(List.of());
        } else {
            StandardResponses.addIfMissing(responses, "401", UNAUTHORIZED);
            StandardResponses.addIfMissing(responses, "403", FORBIDDEN);
            operation.addExtension("x-roles", route.roles().stream().sorted().toList());
        }
        if (operation.getRequestBody() != null) {
            StandardResponses.addIfMissing(responses, "413", TOO_LARGE);
        }
        StandardResponses.addIfMissing(responses, "429", RATE_LIMITED);
        StandardResponses.addIfMissing(responses, "502", BAD_GATEWAY);
        APIResponse unavailable = responses.getAPIResponse("503");
        if (unavailable == null) {
            StandardResponses.addIfMissing(responses, "503", UNAVAILABLE);
        } else if (!unavailable.getDescription().startsWith(UNAVAILABLE)) {
            unavailable.description(UNAVAILABLE + "; or from the service: " + unavailable.getDescription());
        }
        StandardResponses.addIfMissing(responses, "504", TIMEOUT);
        responses.getAPIResponses().forEach((status, response) -> {
            StandardResponses.decorate(status, response);
            StandardResponses.addHeader(response, ApiComponents.RATE_LIMIT);
            StandardResponses.addHeader(response, ApiComponents.RATE_LIMIT_POLICY);
        });
    }

    /** Completes an operation of the operators' area (admins only; not rate limited). */
    static void completeAdmin(Operation operation) {
        StandardResponses.complete(operation, java.util.Set.of("admin"));
        operation.addExtension("x-roles", List.of("admin"));
    }
}
