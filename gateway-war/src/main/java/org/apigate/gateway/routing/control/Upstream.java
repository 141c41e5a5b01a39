package org.apigate.gateway.routing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.BufferedReply;
import org.apigate.gateway.routing.entity.UpstreamFailure;
import org.apigate.gateway.routing.entity.UpstreamListener;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way the gateway calls a service: discovery ({@link ServiceDirectory}), balancing ({@link LoadBalancer}),
 * failover, passive health and the upstream observers, over the shared {@link UpstreamClient}. The proxy, the
 * overview's branches and the access rules' lookups all call through here.
 * <p>
 * Failover: a request that never arrived (refused, connect timeout) goes to the next instance whatever its method; an
 * idempotent one also after a timeout, a broken connection or a 502/503 answer. A pooled connection that turns out
 * stale is retried once on a fresh connection to the same instance (idempotent requests, and those with an
 * {@code Idempotency-Key}: a plain POST on a connection that broke may have arrived) and never counts against the
 * instance's health. While an instance's latest call could not connect, its pooled connections are not used at
 * all: they lead to a process that is gone (killed instances leave them behind, and one that was idle for less
 * than the pool's stale check is handed out unchecked).
 */
@ApplicationScoped
public class Upstream {

    private static final Logger LOG = Logger.getLogger(Upstream.class.getName());

    @Inject
    LoadBalancer balancer;

    @Inject
    UpstreamClient client;

    @Inject
    PassiveHealth health;

    @Inject
    ProxySettings settings;

    @Inject
    @Any
    Instance<UpstreamListener> listenerBeans;

    private List<UpstreamListener> listeners;

    public Upstream() {
    }

    Upstream(LoadBalancer balancer, UpstreamClient client, PassiveHealth health, ProxySettings settings,
             List<UpstreamListener> listeners) {
        this.balancer = balancer;
        this.client = client;
        this.health = health;
        this.settings = settings;
        this.listeners = listeners;
    }

    @PostConstruct
    void findListeners() {
        listeners = listenerBeans.stream().toList();
    }

    /**
     * The answer of an instance of the request's service, with its body still to be read, whatever its status (a
     * service's 4xx/5xx is an answer and passes through); a 502/503 answer only when no other instance did better.
     *
     * @param budget all attempts together within this, or null: each attempt within the request's timeout. A
     *               timeout only due to a budget shorter than that is the caller's impatience, not the instance's
     *               failure: passive health does not count it.
     * @throws ProblemException 503 when no instance is available, 502 when instances refused or dropped the
     *                          connection, 504 when they did not answer in time
     */
    public UpstreamResponse open(UpstreamRequest request, Duration budget) {
        long deadline = budget == null ? 0 : System.nanoTime() + budget.toNanos();
        List<URI> candidates = balancer.candidates(request.service());
        UpstreamResponse overloaded = null;
        UpstreamFailure failure = null;
        for (URI instance : candidates) {
            boolean fresh = health.unreachable(instance);
            while (true) {
                Duration timeout = request.timeout();
                boolean cutShort = false;
                if (budget != null) {
                    Duration left = Duration.ofNanos(deadline - System.nanoTime());
                    if (left.isNegative() || left.isZero()) {
                        return give(overloaded, failure != null ? failure
                                : new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, null), request);
                    }
                    cutShort = left.compareTo(timeout) < 0;
                    timeout = cutShort ? left : timeout;
                }
                long start = System.nanoTime();
                try {
                    UpstreamResponse response = client.send(instance, request, timeout, fresh);
                    observe(request.service(), instance, System.nanoTime() - start, null);
                    health.succeeded(instance);
                    boolean unavailable = response.status() == 502 || response.status() == 503;
                    if (!unavailable || !request.idempotent() || !request.body().sendable()) {
                        close(overloaded);
                        return response;
                    }
                    close(overloaded);
                    overloaded = response;
                    break;
                } catch (UpstreamFailure e) {
                    observe(request.service(), instance, System.nanoTime() - start, e.kind());
                    if (!(cutShort && e.kind() == UpstreamFailure.Kind.TIMEOUT)) {
                        health.failed(request.service(), instance, e.kind(), balancer.configured(request.service()));
                    }
                    LOG.log(Level.FINE, e, () -> request.method() + " " + instance + request.target() + " failed: "
                            + e.kind());
                    if (e.kind() == UpstreamFailure.Kind.STALE_CONNECTION && !fresh && e.allowsRetry(request)) {
                        fresh = true;
                        continue;
                    }
                    if (!e.allowsRetry(request)) {
                        close(overloaded);
                        throw e.toProblem(request.service());
                    }
                    failure = e;
                    break;
                }
            }
        }
        return give(overloaded, failure, request);
    }

    /**
     * The body of an answer {@link #open} gave, read whole; a body that does not arrive is the service's failure.
     *
     * @throws ProblemException 504 when the body stalled, 502 when the connection broke
     */
    public BufferedReply readWhole(UpstreamResponse response, UpstreamRequest request) {
        try {
            return response.buffered();
        } catch (IOException e) {
            throw new UpstreamFailure(e instanceof SocketTimeoutException ? UpstreamFailure.Kind.TIMEOUT
                    : UpstreamFailure.Kind.BROKEN, e).toProblem(request.service());
        }
    }

    /**
     * Like {@link #open}, with the answer read whole into memory - for small JSON answers the gateway reads itself
     * (overview branches, ownership lookups). The body must arrive within the same budget.
     */
    public BufferedReply fetch(UpstreamRequest request, Duration budget) {
        long deadline = System.nanoTime() + (budget == null ? request.timeout() : budget).toNanos();
        try (UpstreamResponse response = open(request, budget)) {
            return new BufferedReply(response.status(), response.headers(), readAll(response.body(), deadline));
        } catch (IOException e) {
            throw new UpstreamFailure(e instanceof SocketTimeoutException
                    ? UpstreamFailure.Kind.TIMEOUT : UpstreamFailure.Kind.BROKEN, e).toProblem(request.service());
        }
    }

    private static byte[] readAll(InputStream body, long deadline) throws IOException {
        try (InputStream in = body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (System.nanoTime() - deadline > 0) {
                    throw new SocketTimeoutException("The body did not arrive in time");
                }
            }
            return bytes.toByteArray();
        }
    }

    private UpstreamResponse give(UpstreamResponse overloaded, UpstreamFailure failure, UpstreamRequest request) {
        if (overloaded != null) {
            return overloaded;
        }
        throw failure.toProblem(request.service());
    }

    private void observe(String service, URI instance, long nanos, UpstreamFailure.Kind failure) {
        for (UpstreamListener listener : listeners) {
            listener.called(service, instance, nanos, failure);
        }
    }

    private static void close(UpstreamResponse response) {
        if (response != null) {
            response.close();
        }
    }
}
