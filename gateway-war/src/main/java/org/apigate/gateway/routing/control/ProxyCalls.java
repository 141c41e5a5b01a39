package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.common.requestid.RequestId;
import org.apigate.gateway.routing.entity.ProxyCall;
import org.apigate.gateway.routing.entity.Route;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a client's request to {@code /api/**} into the call to forward: its route (404 when there is none), its body
 * (413 above {@code gateway.proxy.max-body-bytes}) and the headers for the service - the client's end-to-end ones,
 * {@code X-Forwarded-For} extended with the client's address, {@code X-Forwarded-Proto}/{@code -Host} as this
 * gateway received the request (a client's own values are not trusted), and this request's {@code X-Request-Id}.
 */
@ApplicationScoped
public class ProxyCalls {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    @Inject
    ProxySettings settings;

    public ProxyCall from(HttpServletRequest request, InputStream body) {
        // the path as the client sent it, still encoded: forwarded byte for byte
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Route route = RouteTable.resolve(path).orElseThrow(() -> new ProblemException(
                Problem.of(404, "Not Found", "No service is routed at " + path + ".")));
        if (PathSegments.hasDotSegment(path)) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The path must not contain . or .. segments."));
        }
        byte[] bytes = RequestBody.read(body, request.getContentLengthLong(), settings.maxBodyBytes());
        String query = request.getQueryString();
        String target = query == null ? route.path() : route.path() + "?" + query;
        UpstreamRequest upstream = new UpstreamRequest(request.getMethod(), route.service(), target,
                forwardedHeaders(request), bytes);
        return new ProxyCall(path, query, upstream);
    }

    /**
     * The headers a call made on behalf of this client request carries to a service - also for calls the gateway
     * makes itself (e.g. a composed endpoint's), so every service sees the same identity, request id and origin.
     */
    public static Map<String, List<String>> forwardedHeaders(HttpServletRequest request) {
        Map<String, List<String>> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            received.put(name, Collections.list(request.getHeaders(name)));
        }
        Map<String, List<String>> headers = Headers.endToEnd(received,
                List.of(FORWARDED_FOR, FORWARDED_PROTO, FORWARDED_HOST, RequestId.HEADER));
        List<String> chain = received.get(FORWARDED_FOR);
        String client = request.getRemoteAddr();
        headers.put(FORWARDED_FOR, List.of(chain == null ? client : String.join(", ", chain) + ", " + client));
        headers.put(FORWARDED_PROTO, List.of(request.getScheme()));
        String host = request.getHeader("Host");
        if (host != null) {
            headers.put(FORWARDED_HOST, List.of(host));
        }
        String requestId = RequestId.of(request);
        if (requestId != null) {
            headers.put(RequestId.HEADER, List.of(requestId));
        }
        return headers;
    }
}
