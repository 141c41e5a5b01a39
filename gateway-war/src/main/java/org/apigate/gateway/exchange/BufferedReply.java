package org.apigate.gateway.exchange;

import org.apigate.common.problem.Problem;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An answer held in memory: a composed one, a problem, or a small service answer read whole. */
public record BufferedReply(int status, Map<String, List<String>> headers, byte[] bytes) implements Reply {

    public BufferedReply {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    /** A JSON answer. */
    public static BufferedReply json(int status, String json, Map<String, List<String>> headers) {
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(headers);
        all.put("Content-Type", List.of("application/json"));
        return new BufferedReply(status, all, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An RFC 9457 problem carrying the request id. */
    public static BufferedReply problem(Problem problem, String requestId) {
        return new BufferedReply(problem.status(), Map.of("Content-Type", List.of(Problem.MEDIA_TYPE)),
                problem.toJson(requestId).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public long contentLength() {
        return bytes.length;
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void close() {
        // nothing held
    }
}
