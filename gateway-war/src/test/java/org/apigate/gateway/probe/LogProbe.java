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
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test only (never in the shipped WAR), in the operators' area ({@code /admin/probe/log/{logger}}, admins only):
 * captures what one named logger of the server under test writes - the access log, what the route catalog reports -
 * or, as {@code root}, every logger; where a test's own JUL handler cannot reach. {@code GET .../thrown} lists the
 * records that carried a stack trace.
 */
@Path("probe/log/{logger}")
@ApplicationScoped
public class LogProbe {

    private static final Map<String, Capture> CAPTURES = new ConcurrentHashMap<>();

    /** Starts capturing the logger's records (again), with none yet. */
    @PUT
    public void capture(@PathParam("logger") String name) {
        Logger logger = logger(name);
        Capture previous = CAPTURES.put(name, new Capture(logger));
        if (previous != null) {
            logger.removeHandler(previous);
        }
        logger.addHandler(CAPTURES.get(name));
    }

    /** The messages captured since {@link #capture}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray messages(@PathParam("logger") String name) {
        return array(CAPTURES.containsKey(name) ? CAPTURES.get(name).messages : List.of());
    }

    /** The loggers and exceptions of the captured records that carried a stack trace. */
    @GET
    @Path("thrown")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray thrown(@PathParam("logger") String name) {
        return array(CAPTURES.containsKey(name) ? CAPTURES.get(name).thrown : List.of());
    }

    private static Logger logger(String name) {
        return Logger.getLogger(name.equals("root") ? "" : name);
    }

    private static JsonArray array(List<String> lines) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        lines.forEach(array::add);
        return array.build();
    }

    private static final class Capture extends Handler {

        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final List<String> thrown = new CopyOnWriteArrayList<>();
        private final Logger logger; // held: JUL keeps loggers weakly, and with them their handlers

        Capture(Logger logger) {
            this.logger = logger;
        }

        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
            if (record.getThrown() != null) {
                thrown.add(record.getLoggerName() + ": " + record.getThrown());
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
