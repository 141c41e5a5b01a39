package org.apigate.gateway.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.BufferedReply;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.proxy.ForwardedHeaders;
import org.apigate.gateway.routing.control.ProxySettings;
import org.apigate.gateway.routing.control.Upstream;
import org.apigate.gateway.routing.entity.RequestBody;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/**
 * Whose an order is, asked of the order service ({@code GET /api/orders/{id}} with the caller's own headers, as the
 * forwarded request would carry them) before a customer's request for it is forwarded. Nothing is forwarded unless
 * the order is found and is the caller's: an unknown order is a 404; the order service's own 403 (it checks the
 * caller's token itself and refuses someone else's order) means "not the caller's"; an order service that cannot
 * say is a 502 - the lookup is never itself the answer.
 */
@ApplicationScoped
class OrderOwners {

    @Inject
    Upstream upstream;

    @Inject
    ProxySettings settings;

    /** @throws ProblemException 404 for an unknown order, 502 when the order service cannot say */
    boolean isOwnOrder(Exchange exchange, String orderId) {
        Map<String, List<String>> headers = ForwardedHeaders.of(exchange);
        headers.remove("Content-Type");
        headers.remove("Content-Length");
        String target = RequestTarget.path(List.of("api", "orders", orderId));
        long start = System.nanoTime();
        BufferedReply order;
        try {
            order = upstream.fetch(new UpstreamRequest("GET", AccessRules.ORDER_SERVICE, target, headers,
                    RequestBody.NONE, settings.timeout(exchange.route())), null);
        } finally {
            exchange.upstreamCall(System.nanoTime() - start);
        }
        if (order.status() == 404) {
            throw new ProblemException(Problem.of(404, "Not Found", "There is no order " + orderId + "."));
        }
        if (order.status() == 403) {
            return false;
        }
        String owner = order.status() == 200 ? ownerOf(order.bytes()) : null;
        if (owner == null) {
            throw new ProblemException(Problem.typed(502, "upstream-failed", "Bad Gateway",
                    "The order service did not say whose order " + orderId + " is (status " + order.status() + ")."));
        }
        return exchange.caller().is(owner);
    }

    private static String ownerOf(byte[] order) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(order))) {
            return reader.readObject().get("userId") instanceof JsonString owner ? owner.getString() : null;
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return null;
        }
    }
}
