package org.apigate.gateway.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test only (never in the shipped WAR): captures the lines of the access logger inside the server under test, where
 * a test's own JUL handler cannot reach, and hands them out under {@code /probe/access-log}.
 */
@Path("probe/access-log")
@ApplicationScoped
public class AccessLogProbe {

    private static final Logger ACCESS = Logger.getLogger("org.apigate.gateway.access");
    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LINES.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts capturing (again), with no lines. */
    @PUT
    public void capture() {
        ACCESS.removeHandler(CAPTURE);
        ACCESS.addHandler(CAPTURE);
        LINES.clear();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray lines() {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        LINES.forEach(lines::add);
        return lines.build();
    }
}
