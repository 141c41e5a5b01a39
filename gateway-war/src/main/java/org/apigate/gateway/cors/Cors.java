package org.apigate.gateway.cors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.config.Setting;
import org.apigate.gateway.exchange.BufferedReply;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Stage;
import org.apigate.gateway.config.CachedConfig;
import org.eclipse.microprofile.config.Config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CORS stage: answers a preflight from an allowed origin (204 with the allowed methods, headers and max age),
 * refuses one from any other origin (403, no CORS headers), and marks the answer to an actual request from an allowed
 * origin with {@code Access-Control-Allow-Origin} and friends. With no origin configured it does nothing: requests,
 * {@code OPTIONS} included, pass on as any other.
 */
@ApplicationScoped
public class Cors implements Stage {

    static final String PREFIX = "gateway.cors.";

    @Inject
    CachedConfig config;

    private Setting<Set<String>> origins;
    private Setting<List<String>> methods;
    private Setting<List<String>> headers;
    private Setting<List<String>> exposed;
    private Setting<Long> maxAge;
    private Setting<Boolean> credentials;

    public Cors() {
    }

    /** For tests: CORS settings read from {@code config}, uncached. */
    public Cors(Config config) {
        this.config = new CachedConfig(config, 0);
        create();
    }

    @PostConstruct
    void create() {
        origins = new Setting<>(config, PREFIX + "allowed-origins", Cors::origins);
        methods = new Setting<>(config, PREFIX + "allowed-methods", text -> list(text.toUpperCase(Locale.ROOT)));
        headers = new Setting<>(config, PREFIX + "allowed-headers", Cors::list);
        exposed = new Setting<>(config, PREFIX + "exposed-headers", Cors::list);
        maxAge = Setting.number(config, PREFIX + "max-age", 0);
        credentials = Setting.flag(config, PREFIX + "allow-credentials");
    }

    @Override
    public boolean apply(Exchange exchange) {
        CorsPolicy policy = policy();
        if (!policy.enabled()) {
            return true;
        }
        exchange.corsByGateway(true);
        String origin = exchange.request().getHeader("Origin");
        Map<String, String> answer = exchange.gatewayHeaders();
        answer.put("Vary", "Origin");
        if (exchange.isPreflight()) {
            if (!policy.allows(origin)) {
                throw new ProblemException(Problem.typed(403, "cors-origin-not-allowed", "Forbidden",
                        "The origin " + origin + " may not call this API from a browser."));
            }
            allow(answer, policy, origin);
            answer.put("Access-Control-Allow-Methods", String.join(", ", policy.methods()));
            answer.put("Access-Control-Allow-Headers", String.join(", ", policy.headers()));
            answer.put("Access-Control-Max-Age", String.valueOf(policy.maxAgeSeconds()));
            exchange.reply(new BufferedReply(204, Map.of(), new byte[0]));
            return false;
        }
        if (policy.allows(origin)) {
            allow(answer, policy, origin);
            if (!policy.exposed().isEmpty()) {
                answer.put("Access-Control-Expose-Headers", String.join(", ", policy.exposed()));
            }
        }
        return true;
    }

    /** Why configured CORS settings cannot be used, if they cannot. */
    public List<String> problems() {
        return Stream.of(origins, methods, headers, exposed, maxAge, credentials).map(Setting::problem)
                .filter(Objects::nonNull).toList();
    }

    private CorsPolicy policy() {
        Set<String> allowed = origins.get();
        if (allowed.isEmpty()) {
            return CorsPolicy.OFF;
        }
        return new CorsPolicy(allowed, methods.get(), headers.get(), exposed.get(), maxAge.get(), credentials.get());
    }

    private static void allow(Map<String, String> answer, CorsPolicy policy, String origin) {
        answer.put("Access-Control-Allow-Origin", policy.allowOrigin(origin));
        if (policy.credentials()) {
            answer.put("Access-Control-Allow-Credentials", "true");
        }
    }

    private static Set<String> origins(String text) {
        return list(text).stream().map(origin -> {
            if (!origin.equals("*") && !origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin such as https://app.example.com");
            }
            return origin.toLowerCase(Locale.ROOT);
        }).collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

}
