package org.apigate.gateway.exchange;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * What the client is to be answered, before the gateway adds its own headers: a service's answer (streamed, its
 * connection held until {@link #close()}), a composed one, or a problem of the gateway's own.
 */
public interface Reply extends AutoCloseable {

    int status();

    /** The answer's headers as its source gave them, end-to-end and hop-by-hop alike (a case-insensitive map). */
    Map<String, List<String>> headers();

    /** The body's length when known in advance, else -1. */
    long contentLength();

    /** The body, read once; empty for none. */
    InputStream body();

    /** Releases what the reply holds (an upstream connection); never throws. */
    @Override
    void close();
}
