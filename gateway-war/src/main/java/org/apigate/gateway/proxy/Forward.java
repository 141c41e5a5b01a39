package org.apigate.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.BodyReader;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.exchange.Stage;
import org.apigate.gateway.routes.entity.Route;
import org.apigate.gateway.routing.control.ProxySettings;
import org.apigate.gateway.routing.control.Upstream;
import org.apigate.gateway.routing.control.UpstreamResponse;
import org.apigate.gateway.routing.entity.RequestBody;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sends the request to its route's service: the canonical target with the route's public prefix replaced by its
 * upstream prefix, the forwarded headers, and the body - streamed as it arrives, within the route's
 * {@code max-body-bytes} (-1: unlimited) - and keeps the answer: small ones read whole, larger ones still to be
 * relayed.
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
        RequestTarget target = exchange.upstreamTarget();
        long limit = settings.bodyLimit(route);
        LimitedBody limited = null;
        RequestBody body;
        if (exchange.bufferedBody() != null) {
            body = RequestBody.of(exchange.bufferedBody());
        } else if (hasBody(exchange.request())) {
            long declared = exchange.request().getContentLengthLong();
            if (limit >= 0 && declared > limit) {
                throw BodyReader.tooLarge(limit);
            }
            limited = new LimitedBody(exchange.request().getInputStream(), limit);
            body = RequestBody.streamed(limited, declared);
        } else {
            body = RequestBody.NONE;
        }
        UpstreamRequest request = new UpstreamRequest(exchange.method(), route.service(), target.toString(),
                ForwardedHeaders.of(exchange), body, settings.timeout(route));
        long start = System.nanoTime();
        try {
            UpstreamResponse response = upstream.open(request, null);
            exchange.reply(response);
            long length = response.contentLength();
            if (length > 0 && length <= WHOLE) {
                exchange.reply(upstream.readWhole(response, request));
            }
            exchange.upstreamCall(response.instance(), System.nanoTime() - start);
            return true;
        } catch (ProblemException e) {
            if (limited != null && limited.exceeded) {
                throw BodyReader.tooLarge(limit);
            }
            throw e;
        }
    }

    /** A body is announced by Content-Length (above 0) or Transfer-Encoding (chunked), RFC 9112 §6.3. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** The client's body, failing once more than {@code limit} bytes were read. */
    private static final class LimitedBody extends FilterInputStream {

        private final long limit;
        private long read;
        private boolean exceeded;

        LimitedBody(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (limit >= 0 && read > limit) {
                exceeded = true;
                throw new IOException("The request body exceeds " + limit + " bytes");
            }
        }
    }
}
