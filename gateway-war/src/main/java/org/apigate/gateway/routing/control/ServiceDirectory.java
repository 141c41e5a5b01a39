package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.routing.entity.Instance;
import org.apigate.gateway.config.CachedConfig;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Discovery by configuration: {@code gateway.service.<name>.urls} lists a service's instances, comma-separated, each a
 * base URL with its context root and optionally a weight, e.g.
 * {@code http://10.0.0.5:8081/user;weight=9,http://10.0.0.6:8081/user;weight=1} (weight 1 when not given; 0 drains
 * the instance). Read on every call, parsed once per distinct value; an entry that cannot be used is skipped and
 * logged once.
 */
@ApplicationScoped
public class ServiceDirectory {

    private static final Logger LOG = Logger.getLogger(ServiceDirectory.class.getName());
    private static final String WEIGHT = ";weight=";
    static final int MAX_WEIGHT = 1000;

    @Inject
    CachedConfig config;

    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(String urls, List<Instance> instances, List<String> problems) {
    }

    public static String key(String service) {
        return "gateway.service." + service + ".urls";
    }

    /** The instances configured now; empty when none is. */
    public List<Instance> instancesOf(String service) {
        return current(service).instances();
    }

    /** The entries of {@code gateway.service.<service>.urls} that are skipped, and why. */
    public List<String> problemsOf(String service) {
        return current(service).problems();
    }

    private Parsed current(String service) {
        String urls = config.getOptionalValue(key(service), String.class).orElse("");
        Parsed last = parsed.get(service);
        if (last != null && last.urls().equals(urls)) {
            return last;
        }
        Parsed next = parse(service, urls);
        next.problems().forEach(LOG::warning);
        parsed.put(service, next);
        return next;
    }

    static Parsed parse(String service, String urls) {
        List<Instance> instances = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : urls.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                instances.add(instance(trimmed));
            } catch (IllegalArgumentException e) {
                problems.add("Ignoring instance '" + trimmed + "' of " + key(service) + ": " + e.getMessage());
            }
        }
        return new Parsed(urls, List.copyOf(instances), List.copyOf(problems));
    }

    static Instance instance(String entry) {
        int weightAt = entry.indexOf(WEIGHT);
        int weight = 1;
        String url = entry;
        if (weightAt >= 0) {
            url = entry.substring(0, weightAt);
            try {
                weight = Integer.parseInt(entry.substring(weightAt + WEIGHT.length()).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight is not a whole number");
            }
            if (weight < 0 || weight > MAX_WEIGHT) {
                throw new IllegalArgumentException("the weight must be 0.." + MAX_WEIGHT);
            }
        }
        URI base = URI.create(url.strip().replaceAll("/+$", ""));
        if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme())) || base.getHost() == null
                || base.getPort() > 65535 // the HTTP client refuses such a port on every request
                || base.getRawQuery() != null || base.getRawFragment() != null || base.getRawUserInfo() != null) {
            throw new IllegalArgumentException("not an http(s) base URL");
        }
        return new Instance(base, weight);
    }
}
