package org.apigate.bench.clients;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * Apache HttpAsyncClient 5 (HTTP/1.1 on the httpcore5 I/O reactor, one I/O thread per core) with a pooling
 * connection manager of {@code bench.pool} connections and an {@link AsyncContext}: the reactor's thread writes the
 * answer and completes the exchange.
 */
@WebServlet(urlPatterns = "/hc5-async/*", asyncSupported = true)
public class Hc5AsyncServlet extends HttpServlet {

    private transient CloseableHttpAsyncClient client;

    @Override
    public void init() {
        Timeout timeout = Timeout.of(Backend.TIMEOUT);
        client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(Backend.POOL)
                        .setMaxConnPerRoute(Backend.POOL)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(timeout).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
        client.start();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        AsyncContext async = request.startAsync();
        async.setTimeout(Backend.TIMEOUT.toMillis() + 1000);
        client.execute(SimpleRequestBuilder.get(Backend.target(request)).build(), new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse answer) {
                HttpServletResponse out = (HttpServletResponse) async.getResponse();
                try {
                    ContentType type = answer.getContentType();
                    byte[] body = answer.getBodyBytes();
                    Backend.answer(out, answer.getCode(), type == null ? null : type.toString(),
                            body == null ? new byte[0] : body);
                } catch (IOException e) {
                    Backend.fail(out, e);
                } finally {
                    async.complete();
                }
            }

            @Override
            public void failed(Exception failure) {
                try {
                    Backend.fail((HttpServletResponse) async.getResponse(), failure);
                } finally {
                    async.complete();
                }
            }

            @Override
            public void cancelled() {
                failed(new CancellationException("cancelled"));
            }
        });
    }

    @Override
    public void destroy() {
        client.close(CloseMode.GRACEFUL);
    }
}
