package org.apigate.gateway.routing.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.observability.control.UpstreamTimed;
import org.apigate.gateway.routing.entity.UpstreamReply;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Sends one request to one instance over the gateway's single JDK {@link HttpClient}: HTTP/1.1 with a pool of
 * keep-alive connections, created once (measured here: faster than the JAX-RS client, which churns sockets). No
 * redirects are followed and no proxy or cookies are used: the client's answer goes back as the service gave it.
 */
@ApplicationScoped
public class UpstreamClient {

    @Inject
    ProxySettings settings;

    private HttpClient client;
    /** Fires the deadlines of response bodies; one daemon thread, the timers are short-lived. */
    private ScheduledExecutorService timers;

    public UpstreamClient() {
    }

    UpstreamClient(ProxySettings settings) {
        this.settings = settings;
        create();
    }

    @PostConstruct
    void create() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gateway-upstream-body-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true); // most bodies arrive in time: their timers leave the queue at once
        timers = scheduler;
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    @PreDestroy
    void close() {
        timers.shutdownNow();
    }

    /** The longest one call may take: {@code gateway.proxy.timeout}. */
    public Duration timeout() {
        return settings.timeout();
    }

    /**
     * The instance's complete answer, read into memory, within {@code timeout}: {@link #timeout()}, or less for a
     * caller with less time left (a branch of a composed endpoint). Synchronous on the caller's thread; the request
     * timeout bounds the wait for the headers and {@link BoundedBody} the rest.
     *
     * @throws UpstreamFailure when it gives none
     * @throws ProblemException 400 when the target or a header cannot be put on the wire
     */
    @UpstreamTimed
    public UpstreamReply send(URI instance, UpstreamRequest request, Duration timeout) throws UpstreamFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<byte[]> response = client.send(toHttp(instance, request, timeout),
                    BoundedBody.until(timers, deadline));
            return new UpstreamReply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw UpstreamFailure.of(e);
        } catch (InterruptedException e) {
            // the JDK client cancels the exchange itself
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(UpstreamFailure.Kind.BROKEN, e);
        }
    }

    private static HttpRequest toHttp(URI instance, UpstreamRequest request, Duration timeout) {
        try {
            HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(instance + request.target()))
                    .timeout(timeout)
                    .method(request.method(), request.body().length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach((name, values) -> values.forEach(value -> http.header(name, value)));
            return http.build();
        } catch (IllegalArgumentException e) {
            // characters the servlet container let through but HTTP/URI syntax does not allow upstream
            throw new ProblemException(Problem.of(400, "Bad Request",
                    "The request's path, query or a header cannot be forwarded: " + e.getMessage()));
        }
    }
}
