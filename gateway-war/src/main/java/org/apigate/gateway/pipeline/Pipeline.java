package org.apigate.gateway.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.access.control.Authorize;
import org.apigate.gateway.aggregate.control.Compose;
import org.apigate.gateway.auth.Authenticate;
import org.apigate.gateway.cors.Cors;
import org.apigate.gateway.exchange.BufferedReply;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.ExchangeListener;
import org.apigate.gateway.exchange.Stage;
import org.apigate.gateway.exchange.StageListener;
import org.apigate.gateway.origin.ClientOrigin;
import org.apigate.gateway.proxy.Decorate;
import org.apigate.gateway.proxy.Forward;
import org.apigate.gateway.proxy.Relay;
import org.apigate.gateway.ratelimit.RateLimit;
import org.apigate.gateway.routes.control.MatchRoute;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.target.ParseTarget;
import org.apigate.gateway.tracing.ContinueTrace;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stages of a request through the gateway, in order - the one place that states it:
 * <ol>
 * <li>{@link AssignRequestId request id} - the client's {@code X-Request-Id} or a new one;</li>
 * <li>{@link ClientOrigin origin} - the client's address, scheme and host, trusting only configured proxies;</li>
 * <li>{@link ContinueTrace trace} - the client's W3C trace context continued, or a new trace;</li>
 * <li>{@link ParseTarget target} - one canonical parse of path and query, or 400;</li>
 * <li>{@link Cors CORS} - a preflight answered here, before authentication; allowed origins marked, so that every
 * answer from here on - a 404 or 401 too - is readable by the browser;</li>
 * <li>{@link MatchRoute route} - the configured route (or the built-in overview), or 404/405;</li>
 * <li>{@link Authenticate authenticate} - the caller from its bearer token (MP JWT), or anonymous;</li>
 * <li>{@link RateLimit rate limit} - the caller's quota (per subject, or per address when anonymous), or 429;</li>
 * <li>{@link Authorize authorize} - the route's token and roles, the services' owner rules, or 401/403;</li>
 * <li>{@link Forward forward} to the route's service, or {@link Compose compose} the overview;</li>
 * <li>{@link Decorate decorate} - status and headers of the answer, with the gateway's own;</li>
 * <li>{@link Relay relay} - the body, streamed;</li>
 * <li>account - every {@link ExchangeListener} (metrics, access log, tracing) observes the finished exchange.</li>
 * </ol>
 * Each stage runs between the {@link StageListener}s' calls (with MicroProfile Telemetry on, each is a span).
 * A stage that fails throws a {@link ProblemException}: the answer becomes that problem, decorated and relayed like
 * any other (so it carries the request id, rate-limit fields and CORS headers too). A stage that answers by itself
 * (the preflight) returns {@code false}.
 */
@ApplicationScoped
public class Pipeline {

    private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());

    @Inject
    AssignRequestId requestId;
    @Inject
    ClientOrigin origin;
    @Inject
    ParseTarget target;
    @Inject
    MatchRoute route;
    @Inject
    Cors cors;
    @Inject
    Authenticate authenticate;
    @Inject
    RateLimit rateLimit;
    @Inject
    Authorize authorize;
    @Inject
    Forward forward;
    @Inject
    Compose compose;
    @Inject
    Decorate decorate;
    @Inject
    Relay relay;
    @Inject
    @Any
    Instance<ExchangeListener> listenerBeans;

    @Inject
    ContinueTrace trace;
    @Inject
    @Any
    Instance<StageListener> stageListenerBeans;

    private List<Step> steps;
    private Step decorating;
    private Step relaying;
    private List<ExchangeListener> listeners;
    private List<StageListener> stageListeners;

    /** A stage with the name it has in traces. */
    private record Step(String name, Stage stage) {
    }

    @PostConstruct
    void assemble() {
        steps = List.of(
                new Step("request-id", requestId),
                new Step("origin", origin),
                new Step("trace", trace),
                new Step("target", target),
                new Step("cors", cors),
                new Step("route", route),
                new Step("authenticate", authenticate),
                new Step("rate-limit", rateLimit),
                new Step("authorize", authorize),
                new Step("forward", this::forwardOrCompose));
        decorating = new Step("decorate", decorate);
        relaying = new Step("relay", relay);
        listeners = listenerBeans.stream().toList();
        stageListeners = stageListenerBeans.stream().toList();
    }

    /** Serves one request; an I/O failure of the client's connection ends it without an answer. */
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Exchange exchange = new Exchange(request, response, System.nanoTime());
        try {
            try {
                for (Step step : steps) {
                    if (!run(step, exchange)) {
                        break;
                    }
                }
            } catch (ProblemException e) {
                exchange.reply(BufferedReply.problem(e.problem(), exchange.requestId()));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Request " + exchange.requestId() + " failed unexpectedly", e);
                exchange.reply(BufferedReply.problem(Problem.of(500, "Internal Server Error",
                        "The gateway failed to serve this request; it is logged as " + exchange.requestId() + "."),
                        exchange.requestId()));
            }
            respond(exchange);
        } finally {
            exchange.close();
            completed(exchange);
        }
    }

    /** Notifies every listener that {@code exchange} is finished (also for requests served outside the stages). */
    public void completed(Exchange exchange) {
        for (ExchangeListener listener : listeners) {
            try {
                listener.completed(exchange);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An exchange listener failed", e);
            }
        }
    }

    private boolean run(Step step, Exchange exchange) throws IOException {
        for (StageListener listener : stageListeners) {
            listener.entered(exchange, step.name());
        }
        Throwable failure = null;
        try {
            return step.stage().apply(exchange);
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            for (StageListener listener : stageListeners) {
                listener.left(exchange, step.name(), failure);
            }
        }
    }

    private boolean forwardOrCompose(Exchange exchange) throws IOException {
        return exchange.route().kind() == Route.Kind.OVERVIEW ? compose.apply(exchange) : forward.apply(exchange);
    }

    /** Decorate and relay the answer; a problem met on the way replaces it while nothing was sent yet. */
    private void respond(Exchange exchange) throws IOException {
        try {
            run(decorating, exchange);
            run(relaying, exchange);
        } catch (ProblemException e) {
            if (exchange.response().isCommitted()) {
                throw new IOException("The answer failed after it was committed: " + e.problem().detail());
            }
            exchange.response().reset();
            exchange.reply(BufferedReply.problem(e.problem(), exchange.requestId()));
            run(decorating, exchange);
            run(relaying, exchange);
        }
    }
}
