package org.apigate.gateway.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test only (never in the shipped WAR): captures the WARNING (and worse) messages of one named logger inside the
 * server under test - e.g. what the route catalog reports about a skipped route - under {@code /probe/log/{logger}}.
 */
@Path("probe/log/{logger}")
@ApplicationScoped
public class LogProbe {

    private static final Map<String, Capture> CAPTURES = new ConcurrentHashMap<>();

    /** Starts capturing the logger's warnings (again), with none yet. */
    @PUT
    public void capture(@PathParam("logger") String name) {
        Logger logger = Logger.getLogger(name);
        Capture previous = CAPTURES.put(name, new Capture(logger));
        if (previous != null) {
            logger.removeHandler(previous);
        }
        logger.addHandler(CAPTURES.get(name));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray messages(@PathParam("logger") String name) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        Capture capture = CAPTURES.get(name);
        if (capture != null) {
            capture.messages.forEach(messages::add);
        }
        return messages.build();
    }

    private static final class Capture extends Handler {

        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final Logger logger; // held: JUL keeps loggers weakly, and with them their handlers

        Capture(Logger logger) {
            this.logger = logger;
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
