package org.apigate.gateway.exchange;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client request for unit tests: an {@link HttpServletRequest} (a dynamic proxy) that answers the few questions the
 * gateway's stages ask - method, target, headers, addresses - and fails loudly on any other.
 */
public final class TestRequest {

    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String method = "GET";
    private String uri = "/";
    private String query;
    private String remoteAddr = "192.0.2.10";
    private String localAddr = "10.0.0.2";
    private int localPort = 8080;
    private String scheme = "http";
    private byte[] body;

    public static TestRequest get(String uri) {
        return new TestRequest().method("GET").uri(uri);
    }

    public TestRequest method(String method) {
        this.method = method;
        return this;
    }

    public TestRequest uri(String uri) {
        this.uri = uri;
        return this;
    }

    public TestRequest query(String query) {
        this.query = query;
        return this;
    }

    /** Adds a value of {@code name}; a header may be given several times. */
    public TestRequest header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** The peer's address, as the container reports it. */
    public TestRequest from(String remoteAddr) {
        this.remoteAddr = remoteAddr;
        return this;
    }

    /** The address and port the request arrived at. */
    public TestRequest at(String localAddr, int localPort) {
        this.localAddr = localAddr;
        this.localPort = localPort;
        return this;
    }

    public TestRequest scheme(String scheme) {
        this.scheme = scheme;
        return this;
    }

    /** A body, sent with its Content-Length. */
    public TestRequest body(byte[] body) {
        this.body = body.clone();
        return this;
    }

    public HttpServletRequest build() {
        Map<String, List<String>> fixed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> fixed.put(name, List.copyOf(values)));
        return (HttpServletRequest) Proxy.newProxyInstance(TestRequest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "getQueryString" -> query;
                    case "getHeader" -> fixed.getOrDefault((String) args[0], List.of()).stream().findFirst()
                            .orElse(null);
                    case "getHeaders" -> Collections.enumeration(fixed.getOrDefault((String) args[0], List.of()));
                    case "getHeaderNames" -> Collections.enumeration(List.copyOf(fixed.keySet()));
                    case "getRemoteAddr" -> remoteAddr;
                    case "getLocalAddr" -> localAddr;
                    case "getLocalPort" -> localPort;
                    case "getScheme" -> scheme;
                    case "getContentLengthLong" -> body == null ? -1L : (long) body.length;
                    case "getInputStream" -> new BodyStream(body == null ? new byte[0] : body);
                    case "toString" -> method + " " + uri;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("TestRequest does not answer "
                            + called.getName());
                });
    }

    /** The request's body, read once. */
    private static final class BodyStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BodyStream(byte[] body) {
            bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    /** A new exchange of this request, without a response (the stages under test write none). */
    public Exchange exchange() {
        return new Exchange(build(), null, 0);
    }
}
