package org.apigate.gateway.aggregate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.aggregate.entity.Overview;
import org.apigate.gateway.exchange.BufferedReply;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;
import org.apigate.gateway.proxy.ForwardedHeaders;

import java.util.List;
import java.util.Map;

/**
 * The overview route's answer, in place of a forward: {@code GET /api/users/{id}/overview} composed from the user,
 * order and inventory services ({@link OverviewComposer}), with {@code X-Gateway-Complete} saying whether every
 * part arrived. It passed the same stages as a forwarded request before: one overview is one request of the
 * caller's quota, whatever calls it makes.
 */
@ApplicationScoped
public class Compose implements Stage {

    /** {@code true} when every part arrived; {@code false} when some part is null and {@code errors} says why. */
    static final String COMPLETE = "X-Gateway-Complete";

    @Inject
    OverviewComposer composer;

    @Override
    public boolean apply(Exchange exchange) {
        long start = System.nanoTime();
        Overview overview;
        try {
            overview = composer.compose(exchange.target().segment(2), ForwardedHeaders.of(exchange));
        } finally {
            exchange.upstreamCall(System.nanoTime() - start);
        }
        exchange.reply(BufferedReply.json(200, overview.toJson().toString(),
                Map.of(COMPLETE, List.of(String.valueOf(overview.complete())))));
        return true;
    }
}
