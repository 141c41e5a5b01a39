package org.apigate.bench.clients;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code java.net.http.HttpClient.send}: blocking on the request thread, as the gateway's UpstreamClient does. */
@WebServlet(urlPatterns = "/jdk-sync/*")
public class JdkSyncServlet extends HttpServlet {

    private transient HttpClient client;

    @Override
    public void init() {
        client = JdkClients.create();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpRequest upstream = HttpRequest.newBuilder(URI.create(Backend.target(request)))
                .timeout(Backend.TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> answer = client.send(upstream, HttpResponse.BodyHandlers.ofByteArray());
            Backend.answer(response, answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(null), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Backend.fail(response, e);
        } catch (IOException e) {
            Backend.fail(response, e);
        }
    }
}
