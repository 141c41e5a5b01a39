package org.apigate.gateway.observability.control;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access log: its own JUL logger, so that operators can send it to a file of its own (or turn it off) in the
 * server's logging configuration without touching the rest of the server log.
 */
public final class AccessLog {

    public static final String LOGGER = "org.apigate.gateway.access";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    private AccessLog() {
    }

    /** Writes the line of a finished request, at INFO; formats nothing when the logger is off. */
    public static void write(Exchange exchange, String route, String method, String path, int status,
                             String requestId) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(AccessLine.format(requestId, exchange.subject(), route, method, path, status,
                    exchange.upstreamNanos(), exchange.elapsedNanos()));
        }
    }
}
