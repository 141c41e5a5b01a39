package org.apigate.gateway.routing.control;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apigate.gateway.exchange.BufferedReply;
import org.apigate.gateway.exchange.Reply;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service instance's answer as it arrives: status and headers are in, the body is read from the connection while
 * it is relayed. Holds the pooled connection until {@link #close()}; a body read to its end gives the connection back
 * for reuse, one abandoned half-way closes it.
 */
public final class UpstreamResponse implements Reply {

    private final URI instance;
    private final ClassicHttpResponse response;
    private Map<String, List<String>> headers;

    UpstreamResponse(URI instance, ClassicHttpResponse response) {
        this.instance = instance;
        this.response = response;
    }

    /** The instance that answered. */
    public URI instance() {
        return instance;
    }

    @Override
    public int status() {
        return response.getCode();
    }

    @Override
    public Map<String, List<String>> headers() {
        if (headers == null) {
            Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header header : response.getHeaders()) {
                all.computeIfAbsent(header.getName(), name -> new ArrayList<>(1)).add(header.getValue());
            }
            headers = all;
        }
        return headers;
    }

    @Override
    public long contentLength() {
        HttpEntity entity = response.getEntity();
        return entity == null ? 0 : entity.getContentLength();
    }

    @Override
    public InputStream body() {
        HttpEntity entity = response.getEntity();
        try {
            return entity == null ? InputStream.nullInputStream() : entity.getContent();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    /**
     * The answer with its body read whole, the connection given back at once. Each read waits at most the call's
     * timeout, so a body that stalls fails here rather than after the client got the status.
     *
     * @throws java.io.IOException when the body does not arrive
     */
    public BufferedReply buffered() throws IOException {
        try (InputStream in = body()) {
            return new BufferedReply(status(), headers(), in.readAllBytes());
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            response.close();
        } catch (IOException e) {
            // the connection is discarded either way
        }
    }
}
