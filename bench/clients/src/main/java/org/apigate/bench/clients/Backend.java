package org.apigate.bench.clients;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What every variant shares: the backend it forwards to and how an answer goes back. Set by bench/run.sh as JVM
 * options of the instance:
 * <ul>
 *   <li>{@code bench.backend}: the backend's base URL, e.g. {@code http://127.0.0.1:8081} (loopback only)</li>
 *   <li>{@code bench.pool}: the connection pool size of the pooled clients, per route and in total (run.sh sets it
 *       above wrk's connections, so the pool is never the limit)</li>
 *   <li>{@code bench.timeout-seconds}: connect and response timeout of every client (30)</li>
 * </ul>
 * {@code GET /<variant>/user/api/users?limit=1} becomes {@code GET <backend>/user/api/users?limit=1}: the path after
 * the variant and the query go upstream as they came; the status, the content type and the body come back. No
 * request header is forwarded: the candidates are compared on the transport, not on header handling.
 */
final class Backend {

    static final String BASE = System.getProperty("bench.backend", "http://127.0.0.1:8081");
    static final int POOL = Integer.getInteger("bench.pool", 64);
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("bench.timeout-seconds", 30));

    private Backend() {
    }

    /** The upstream URL of a request to a variant: the backend, the path after the servlet's mapping, the query. */
    static String target(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String query = request.getQueryString();
        return query == null ? BASE + path : BASE + path + '?' + query;
    }

    static void answer(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** 502 with the failure's class and message: a benchmark run counts it as a non-2xx answer. */
    static void fail(HttpServletResponse response, Throwable failure) {
        try {
            if (!response.isCommitted()) {
                answer(response, 502, "text/plain",
                        (failure.getClass().getName() + ": " + failure.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone: nothing to tell it
        }
    }
}
