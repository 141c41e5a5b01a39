package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Discovery by configuration: {@code gateway.service.<name>.urls} lists a service's instances as comma-separated base
 * URLs with their context root, e.g. {@code http://10.0.0.5:8081/user,http://10.0.0.6:8081/user}. The key is read on
 * every call, so a change (environment at start, asadmin {@code set-config-property} at run time) needs no redeploy.
 */
@ApplicationScoped
public class ServiceDirectory {

    private static final Logger LOG = Logger.getLogger(ServiceDirectory.class.getName());

    @Inject
    Config config;

    /** The last value seen per service and its parsed form: parsing (and warning about) it once per change. */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    public static String key(String service) {
        return "gateway.service." + service + ".urls";
    }

    /** The instances configured now; empty when none is. */
    public List<URI> instancesOf(String service) {
        String urls = config.getOptionalValue(key(service), String.class).orElse("");
        Parsed last = parsed.get(service);
        if (last != null && last.urls().equals(urls)) {
            return last.instances();
        }
        List<URI> instances = parse(service, urls);
        parsed.put(service, new Parsed(urls, instances));
        return instances;
    }

    static List<URI> parse(String service, String urls) {
        List<URI> instances = new ArrayList<>();
        for (String url : urls.split(",")) {
            String trimmed = url.trim().replaceAll("/+$", "");
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                URI instance = URI.create(trimmed);
                if (!("http".equals(instance.getScheme()) || "https".equals(instance.getScheme()))
                        || instance.getHost() == null || instance.getQuery() != null) {
                    throw new IllegalArgumentException("not an http(s) base URL");
                }
                instances.add(instance);
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Ignoring instance '" + trimmed + "' of " + key(service) + ": " + e.getMessage());
            }
        }
        return List.copyOf(instances);
    }

    private record Parsed(String urls, List<URI> instances) {
    }
}
