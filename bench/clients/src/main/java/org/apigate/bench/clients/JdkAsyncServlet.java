package org.apigate.bench.clients;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * {@code java.net.http.HttpClient.sendAsync} with an {@link AsyncContext}: the request thread returns to the
 * container at once; the client's executor writes the answer and completes the exchange.
 */
@WebServlet(urlPatterns = "/jdk-async/*", asyncSupported = true)
public class JdkAsyncServlet extends HttpServlet {

    private transient HttpClient client;

    @Override
    public void init() {
        client = JdkClients.create();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        HttpRequest upstream = HttpRequest.newBuilder(URI.create(Backend.target(request)))
                .timeout(Backend.TIMEOUT).GET().build();
        AsyncContext async = request.startAsync();
        async.setTimeout(Backend.TIMEOUT.toMillis() + 1000);
        client.sendAsync(upstream, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((answer, failure) -> {
            HttpServletResponse out = (HttpServletResponse) async.getResponse();
            try {
                if (failure != null) {
                    Backend.fail(out, failure);
                } else {
                    Backend.answer(out, answer.statusCode(),
                            answer.headers().firstValue("Content-Type").orElse(null), answer.body());
                }
            } catch (IOException e) {
                Backend.fail(out, e);
            } finally {
                async.complete();
            }
        });
    }
}
