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
 * Test only (never in the shipped WAR), under {@code /admin/probe/stack-traces}: captures every log record of the
 * server under test that carries a stack trace, whoever logs it (the platform included), so a test can show that
 * something - a flood of forged tokens - is logged without any.
 */
@Path("probe/stack-traces")
@ApplicationScoped
public class StackTraceProbe {

    private static final Logger ROOT = Logger.getLogger("");
    private static final List<String> TRACES = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null) {
                TRACES.add(record.getLoggerName() + ": " + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts capturing (again), with none captured. */
    @PUT
    public void capture() {
        ROOT.removeHandler(CAPTURE);
        ROOT.addHandler(CAPTURE);
        TRACES.clear();
    }

    /** The loggers and exceptions of the records with a stack trace since {@link #capture()}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray traces() {
        JsonArrayBuilder traces = Json.createArrayBuilder();
        TRACES.forEach(traces::add);
        return traces.build();
    }
}
