package org.apigate.gateway.routing.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.apigate.gateway.routing.entity.RequestBody;
import org.apigate.gateway.routing.entity.UpstreamFailure;
import org.apigate.gateway.routing.entity.UpstreamRequest;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends one request to one instance over the gateway's single Apache HttpClient 5 (classic, blocking on the request's
 * thread): HTTP/1.1 over a pool of kept-alive connections. Chosen by measurement (bench/README.md: it forwarded
 * faster than the JDK client, sync or async, and than HttpClient 5's async client on this path). Nothing is added or
 * changed on the way: no redirects followed, no retries of its own (the gateway decides those), no cookies, no
 * compression, no User-Agent.
 * <p>
 * Whether a failed call ran on a connection reused from the pool is recorded, because such a failure before any
 * answer usually means the instance had closed that idle connection - not that it is unhealthy.
 */
@ApplicationScoped
public class UpstreamClient {

    /** Context attribute: the connection was taken from the pool already connected. */
    private static final String REUSED = "apigate.reused";
    /** Context attribute: take a fresh connection, discarding pooled ones. */
    private static final String FRESH = "apigate.fresh";

    @Inject
    ProxySettings settings;

    private PoolingHttpClientConnectionManager pool;
    private CloseableHttpClient client;
    private final Map<URI, HttpHost> hosts = new ConcurrentHashMap<>();

    public UpstreamClient() {
    }

    UpstreamClient(ProxySettings settings) {
        this.settings = settings;
        create();
    }

    @PostConstruct
    void create() {
        pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        // a connection idle this long is checked before reuse: one the instance closed is not used
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        client = HttpClients.custom()
                .setConnectionManager(pool)
                .addExecInterceptorBefore(ChainElement.CONNECT.name(), "apigate-connection-reuse", REUSE)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableDefaultUserAgent()
                .disableConnectionState()
                // Grizzly closes idle keep-alive connections after 30 s: close them here first
                .evictIdleConnections(TimeValue.ofSeconds(20))
                .build();
    }

    @PreDestroy
    void close() {
        client.close(CloseMode.IMMEDIATE);
    }

    /**
     * Sends {@code request} to {@code instance} and returns once the answer's head is in; the body is read from the
     * returned response, which must be closed.
     *
     * @param timeout how long to wait for the head, and at most between two reads of the body
     * @param fresh   take a new connection instead of a pooled one (after a stale one failed)
     * @throws UpstreamFailure when the instance gave no answer
     */
    public UpstreamResponse send(URI instance, UpstreamRequest request, Duration timeout, boolean fresh)
            throws UpstreamFailure {
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                .setProtocolUpgradeEnabled(false)
                .build());
        if (fresh) {
            context.setAttribute(FRESH, Boolean.TRUE);
        }
        HttpHost host = hosts.computeIfAbsent(instance, HttpHost::create);
        CuttableRequest http = new CuttableRequest(request.method(), host, instance.getRawPath() + request.target());
        request.headers().forEach((name, values) -> values.forEach(value -> http.addHeader(name, value)));
        if (!request.body().isEmpty()) {
            http.setEntity(new CuttingEntity(request.body(), http));
        }
        try {
            return new UpstreamResponse(instance, client.execute(host, http, context));
        } catch (IOException e) {
            UpstreamFailure.Kind kind = request.body().failed() ? UpstreamFailure.Kind.CLIENT_BODY
                    : kindOf(e, Boolean.TRUE.equals(context.getAttribute(REUSED)));
            throw new UpstreamFailure(kind, e);
        }
    }

    static UpstreamFailure.Kind kindOf(IOException failure, boolean reused) {
        if (failure instanceof ConnectionRequestTimeoutException) {
            return UpstreamFailure.Kind.POOL_EXHAUSTED;
        }
        if (failure instanceof ConnectTimeoutException) {
            return UpstreamFailure.Kind.CONNECT_TIMEOUT;
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
            return UpstreamFailure.Kind.REFUSED;
        }
        if (failure instanceof SocketTimeoutException) {
            return UpstreamFailure.Kind.TIMEOUT;
        }
        return reused ? UpstreamFailure.Kind.STALE_CONNECTION : UpstreamFailure.Kind.BROKEN;
    }

    /**
     * Runs before the client connects: leases the connection itself to see whether the pool gave one already
     * connected (reused), and - when a fresh one is asked for - discards pooled connections until it gets a new one.
     */
    private static final ExecChainHandler REUSE = (request, scope, chain) -> {
        var runtime = scope.execRuntime;
        if (!runtime.isEndpointAcquired()) {
            runtime.acquireEndpoint(scope.exchangeId, scope.route, null, scope.clientContext);
        }
        if (Boolean.TRUE.equals(scope.clientContext.getAttribute(FRESH))) {
            while (runtime.isEndpointConnected()) {
                runtime.discardEndpoint();
                runtime.acquireEndpoint(scope.exchangeId, scope.route, null, scope.clientContext);
            }
        }
        scope.clientContext.setAttribute(REUSED, runtime.isEndpointConnected());
        return chain.proceed(request, scope);
    };

    /**
     * A request whose connection can be cut while it is being sent: HttpClient hands it the lease (then the
     * connection) as the thing to cancel.
     */
    private static final class CuttableRequest extends BasicClassicHttpRequest implements CancellableDependency {

        private volatile Cancellable dependency;
        private volatile boolean cancelled;

        CuttableRequest(String method, HttpHost host, String path) {
            super(method, host, path);
        }

        @Override
        public void setDependency(Cancellable cancellable) {
            dependency = cancellable;
            if (cancelled) {
                cancellable.cancel();
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean cancel() {
            cancelled = true;
            Cancellable current = dependency;
            return current != null && current.cancel();
        }
    }

    /**
     * The body sent to the service. When it cannot be sent whole (the client's body broke off or passed its limit) the
     * connection is cut before anything else is written: HttpCore closes the body's stream even after a failed write,
     * and closing a chunked stream writes its last chunk - the service would take the cut body for a complete one.
     */
    private static final class CuttingEntity extends HttpEntityWrapper {

        private final CuttableRequest request;

        CuttingEntity(RequestBody body, CuttableRequest request) {
            super(new InputStreamEntity(body.content(), body.length(), null));
            this.request = request;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try {
                super.writeTo(out);
            } catch (IOException | RuntimeException e) {
                request.cancel();
                throw e;
            }
        }
    }
}
