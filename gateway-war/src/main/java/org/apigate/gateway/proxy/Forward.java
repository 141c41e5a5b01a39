package org.apigate.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.BodyReader;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.routing.control.ProxySettings;
import org.apigate.gateway.routing.control.Upstream;
import org.apigate.gateway.routing.control.UpstreamResponse;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.io.IOException;

/**
 * Sends the request to its route's service: the canonical target with the route's public prefix replaced by its
 * upstream prefix, the forwarded headers, and the client's body within the route's {@code max-body-bytes}
 * ({@link ClientBody}) - and keeps the answer: small ones read whole, larger ones still to be relayed.
 */
@ApplicationScoped
public class Forward implements Stage {

    /**
     * An answer up to this size is read whole before the client gets its status: its connection goes back to the pool
     * at once, and a body that stalls is still a 504 rather than a truncated 200. Larger ones, and those of unknown
     * length (a stream), are relayed as they arrive.
     */
    static final long WHOLE = 64 * 1024;

    @Inject
    Upstream upstream;

    @Inject
    ProxySettings settings;

    @Override
    public boolean apply(Exchange exchange) throws IOException {
        Route route = exchange.route();
        long limit = settings.bodyLimit(route);
        ClientBody body = ClientBody.of(exchange.request(), limit, exchange.bufferedBody());
        UpstreamRequest request = new UpstreamRequest(exchange.method(), route.service(),
                exchange.upstreamTarget().toString(), ForwardedHeaders.of(exchange), body.body(),
                settings.timeout(route));
        long start = System.nanoTime();
        try {
            UpstreamResponse response = upstream.open(request, null);
            exchange.instance(response.instance());
            exchange.reply(response);
            long length = response.contentLength();
            if (length > 0 && length <= WHOLE) {
                exchange.reply(upstream.readWhole(response, request));
            }
            return true;
        } catch (ProblemException e) {
            if (body.exceeded()) {
                throw BodyReader.tooLarge(limit);
            }
            throw e;
        } finally {
            exchange.upstreamCall(System.nanoTime() - start);
        }
    }
}
