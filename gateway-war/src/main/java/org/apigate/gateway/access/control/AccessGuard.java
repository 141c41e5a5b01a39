package org.apigate.gateway.access.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.access.entity.Caller;
import org.apigate.gateway.access.entity.Verdict;
import org.apigate.gateway.routing.control.Upstream;
import org.apigate.gateway.routing.entity.ProxyCall;
import org.apigate.gateway.routing.entity.UpstreamReply;
import org.apigate.gateway.routing.entity.UpstreamRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Applies {@link AccessRules} to the current caller. Where the rules need the owner of an order, the order is fetched
 * from the order service through {@link Upstream} - with the caller's own headers, as the forwarded request would be
 * - before anything is forwarded. Request-scoped because it holds the caller's token.
 */
@RequestScoped
public class AccessGuard {

    static final String ADMIN = "admin";
    private static final String ORDERS = "/api/orders/";

    @Inject
    JsonWebToken token;

    @Inject
    Upstream upstream;

    /**
     * Whether the call may be forwarded.
     *
     * @return empty to forward it; a reply when the lookup of the order already is the answer: the order itself for
     * a read, or the order service's error (e.g. 404 unknown order) for anything
     * @throws ProblemException 403 when the caller may not make this call
     */
    public Optional<UpstreamReply> admit(ProxyCall call) {
        Verdict verdict = AccessRules.decide(caller(), call.method(), call.path(), call.query(), call.body());
        return switch (verdict.kind()) {
            case ALLOW -> Optional.empty();
            case DENY -> throw forbidden(call.method(), call.path());
            case IF_OWN_ORDER -> ifOwnOrder(call, verdict.orderId());
        };
    }

    /**
     * For resources of the gateway's own under {@code /api} (e.g. a composed {@code /api/users/{id}/overview}): the
     * same rules for a body-less request.
     *
     * @throws ProblemException 403 when the caller may not make this call
     */
    public void require(String method, String path) {
        if (AccessRules.decide(caller(), method, path, null, new byte[0]).kind() != Verdict.Kind.ALLOW) {
            throw forbidden(method, path);
        }
    }

    private Optional<UpstreamReply> ifOwnOrder(ProxyCall call, String orderId) {
        // a read is its own lookup; anything else looks the order up first and is forwarded only if it is the caller's
        boolean read = call.method().equals("GET");
        UpstreamRequest lookup = read ? call.upstream() : call.upstream().get(ORDERS + orderId);
        UpstreamReply order = upstream.exchange(lookup);
        if (order.status() != 200) {
            return Optional.of(order);
        }
        if (!caller().is(ownerOf(order))) {
            throw forbidden(call.method(), call.path());
        }
        return read ? Optional.of(order) : Optional.empty();
    }

    private static String ownerOf(UpstreamReply order) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(order.body()))) {
            if (reader.readObject().get("userId") instanceof JsonString owner) {
                return owner.getString();
            }
        } catch (JsonException e) {
            // not JSON: as unusable as an order without owner
        }
        throw new ProblemException(Problem.typed(502, "upstream-failed", "Bad Gateway",
                "The order service's answer does not say whose order it is."));
    }

    private Caller caller() {
        return new Caller(token.getSubject(), token.getGroups() != null && token.getGroups().contains(ADMIN));
    }

    private static ProblemException forbidden(String method, String path) {
        return new ProblemException(Problem.of(403, "Forbidden", "This caller may not " + method + " " + path + "."));
    }
}
