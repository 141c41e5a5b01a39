package org.apigate.gateway.backend;

import org.apigate.testing.Http;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads one sample out of a server's {@code /metrics} (Prometheus text format), e.g. a counter's current value. */
public final class ScrapedMetrics {

    private final String text;

    private ScrapedMetrics(String text) {
        this.text = text;
    }

    /** Scrapes {@code <server>/metrics}. */
    public static ScrapedMetrics of(String server) {
        Http.Reply reply = Http.get(server + "/metrics");
        assertEquals(200, reply.status(), reply::toString);
        return new ScrapedMetrics(reply.body());
    }

    public String text() {
        return text;
    }

    /** The value of the sample {@code name} whose labels include {@code labels}; 0 when there is none (yet). */
    public double value(String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && line.indexOf('}') > 0 && hasLabels(line, labels)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static boolean hasLabels(String line, Map<String, String> labels) {
        Map<String, String> found = new HashMap<>();
        for (String pair : line.substring(line.indexOf('{') + 1, line.indexOf('}')).split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.length() >= eq + 2) {
                found.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
            }
        }
        return found.entrySet().containsAll(labels.entrySet());
    }
}
