package org.apigate.bench.clients;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;

/**
 * Apache HttpClient 5 classic: a {@code PoolingHttpClientConnectionManager} of {@code bench.pool} connections,
 * blocking on the request thread.
 */
@WebServlet(urlPatterns = "/hc5-classic/*")
public class Hc5ClassicServlet extends HttpServlet {

    private transient CloseableHttpClient client;

    /** The answer read off the pooled connection before it goes back to the pool. */
    private record Answer(int status, String contentType, byte[] body) {
    }

    @Override
    public void init() {
        Timeout timeout = Timeout.of(Backend.TIMEOUT);
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(Backend.POOL)
                        .setMaxConnPerRoute(Backend.POOL)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answer answer;
        try {
            answer = client.execute(new HttpGet(Backend.target(request)), upstream -> {
                ContentType type = upstream.getEntity() == null ? null : ContentType.parseLenient(
                        upstream.getEntity().getContentType());
                byte[] body = upstream.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(upstream.getEntity());
                return new Answer(upstream.getCode(), type == null ? null : type.toString(), body);
            });
        } catch (IOException e) {
            Backend.fail(response, e);
            return;
        }
        Backend.answer(response, answer.status(), answer.contentType(), answer.body());
    }

    @Override
    public void destroy() {
        try {
            client.close();
        } catch (IOException ignored) {
            // undeployed: the connections go with the instance
        }
    }
}
