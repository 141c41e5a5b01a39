package org.apigate.gateway.observability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.ExchangeListener;
import org.apigate.gateway.routes.control.RouteCatalog;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.routing.control.PassiveHealth;
import org.apigate.gateway.routing.control.ServiceDirectory;
import org.apigate.gateway.routing.entity.UpstreamFailure;
import org.apigate.gateway.routing.entity.UpstreamListener;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The gateway's metrics in the application registry. Each metric handle is looked up in the registry once per tag
 * combination and then kept here, so that the hot path costs a map lookup and an increment, not a {@code MetricID}
 * per request. The tag values come from bounded sets (routes, services, policies, configured instances, status
 * codes), never from what a client sends.
 */
@ApplicationScoped
public class GatewayMetrics implements ExchangeListener, UpstreamListener {

    static final Metadata REQUESTS = Metadata.builder().withName("gateway.requests")
            .withDescription("Requests answered by the gateway, by route and status code").build();
    static final Metadata UPSTREAM = Metadata.builder().withName("gateway.upstream.duration")
            .withDescription("Duration of each call to a service instance (failover attempts and failures included)")
            // Payara exports a timer in seconds (gateway_upstream_duration_seconds) only when the unit is given
            .withUnit(MetricUnits.NANOSECONDS).build();
    static final Metadata REJECTIONS = Metadata.builder().withName("gateway.ratelimit.rejections")
            .withDescription("Requests refused with 429 by the rate limiter, by policy").build();
    static final Metadata BREAKER = Metadata.builder().withName("gateway.circuitbreaker.open")
            .withDescription("1 while passive health has ejected the instance (circuit open), else 0").build();

    /** Status codes 100-599 are counted as such; anything else a servlet may set is counted as 599. */
    private static final int STATUSES = 600;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    PassiveHealth health;

    @Inject
    ServiceDirectory directory;

    @Inject
    RouteCatalog catalog;

    private final ConcurrentMap<String, AtomicReferenceArray<Counter>> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> upstream = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> rejections = new ConcurrentHashMap<>();
    private final Set<URI> watched = ConcurrentHashMap.newKeySet();

    /** At deployment: a circuit gauge for every instance configured then (later ones get theirs when first seen). */
    void watchConfigured(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        for (Route route : catalog.routes()) {
            directory.instancesOf(route.service()).forEach(instance -> watch(route.service(), instance.url()));
        }
    }

    @Override
    public void completed(Exchange exchange) {
        request(RouteLabel.of(exchange), exchange.status());
        if (exchange.status() == 429 && exchange.policy() != null) {
            rateLimited(exchange.policy());
        }
    }

    @Override
    public void called(String service, URI instance, long nanos, UpstreamFailure.Kind failure) {
        upstreamCall(service, instance, nanos);
    }

    /** A request answered with {@code status} on {@code route} ({@link RouteLabel}). */
    public void request(String route, int status) {
        int code = status >= 100 && status < STATUSES ? status : STATUSES - 1;
        AtomicReferenceArray<Counter> byStatus = requests.computeIfAbsent(route,
                r -> new AtomicReferenceArray<>(STATUSES));
        Counter counter = byStatus.get(code);
        if (counter == null) {
            // the registry returns the same counter to racing threads
            counter = registry.counter(REQUESTS, new Tag("route", route), new Tag("status", String.valueOf(code)));
            byStatus.set(code, counter);
        }
        counter.inc();
    }

    /** One call to {@code instance} of {@code service} took {@code nanos}, whatever its outcome. */
    void upstreamCall(String service, URI instance, long nanos) {
        upstream.computeIfAbsent(service, s -> registry.timer(UPSTREAM, new Tag("service", s)))
                .update(Duration.ofNanos(nanos));
        watch(service, instance);
    }

    /** The rate limiter refused a request under {@code policy}. */
    void rateLimited(String policy) {
        rejections.computeIfAbsent(policy, p -> registry.counter(REJECTIONS, new Tag("policy", p))).inc();
    }

    /** Publishes the circuit state of an instance (once per instance; the gauge reads passive health when scraped). */
    public void watch(String service, URI instance) {
        if (watched.add(instance)) {
            registry.gauge(BREAKER, health, h -> h.available(instance) ? 0 : 1,
                    new Tag("service", service), new Tag("instance", instance.toString()));
        }
    }
}
