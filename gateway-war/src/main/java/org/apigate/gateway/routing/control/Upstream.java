package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.routing.entity.UpstreamReply;
import org.apigate.gateway.routing.entity.UpstreamRequest;

import java.net.URI;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's way to call a service: discovery ({@link ServiceDirectory}), round-robin ({@link LoadBalancer}),
 * failover and passive health ({@link PassiveHealth}) around {@link UpstreamClient}. Every feature that calls a
 * service goes through here, so all of them see the same instances and the same health.
 * <p>
 * Failover: an instance that could not be connected to is skipped for any method (the request never left); after a
 * timeout, a broken connection or a 502/503 answer the next instance is tried only for idempotent methods. Each
 * instance is tried at most once per call, each within {@code gateway.proxy.timeout} - or within what is left of a
 * caller's shorter budget.
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

    public Upstream() {
    }

    Upstream(LoadBalancer balancer, UpstreamClient client, PassiveHealth health) {
        this.balancer = balancer;
        this.client = client;
        this.health = health;
    }

    /**
     * The answer of an instance of the request's service, whatever its status (a service's 4xx/5xx problem is an
     * answer and passes through); a 502/503 answer only when no other instance did better.
     *
     * @throws ProblemException 503 when no instance is available, 502 when instances refused or dropped the
     *                          connection, 504 when they did not answer in time
     */
    public UpstreamReply exchange(UpstreamRequest request) {
        return exchange(request, null);
    }

    /**
     * Like {@link #exchange(UpstreamRequest)}, but all attempts together within {@code budget} (null: no budget, each
     * attempt within {@code gateway.proxy.timeout}): an attempt gets at most what is left, and no instance is tried
     * once nothing is. A timeout that only happened because the budget was shorter than {@code gateway.proxy.timeout}
     * is the caller's impatience, not the instance's failure, so passive health does not count it.
     */
    public UpstreamReply exchange(UpstreamRequest request, Duration budget) {
        long deadline = budget == null ? 0 : System.nanoTime() + budget.toNanos();
        UpstreamReply overloaded = null;
        UpstreamFailure failure = null;
        for (URI instance : balancer.candidates(request.service())) {
            Duration timeout = client.timeout();
            boolean cutShort = false;
            if (budget != null) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    failure = failure == null ? new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, null) : failure;
                    break;
                }
                cutShort = left.compareTo(timeout) < 0;
                timeout = cutShort ? left : timeout;
            }
            try {
                UpstreamReply reply = client.send(instance, request, timeout);
                health.succeeded(instance);
                if (!request.idempotent() || (reply.status() != 502 && reply.status() != 503)) {
                    return reply;
                }
                overloaded = reply;
            } catch (UpstreamFailure e) {
                if (!(cutShort && e.kind() == UpstreamFailure.Kind.TIMEOUT)) {
                    health.failed(instance);
                }
                LOG.log(Level.FINE, e, () -> request.method() + " " + instance + request.target() + " failed: "
                        + e.kind());
                if (!e.allowsRetry(request)) {
                    throw e.toProblem(request.service());
                }
                failure = e;
            }
        }
        if (overloaded != null) {
            return overloaded;
        }
        throw failure.toProblem(request.service());
    }
}
