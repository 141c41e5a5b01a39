package org.apigate.order.instances;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a key such as {@code order.inventory.url}: base URLs of a service's instances with their context root,
 * comma-separated, e.g. {@code http://10.0.0.5:8083/inventory,http://10.0.0.6:8083/inventory}. A list the service
 * cannot use - empty, or with an entry that is not an http(s) base URL - is refused whole, with every reason, so that
 * a typo stops the deployment instead of quietly halving the instances or failing each request.
 */
public final class InstanceList {

    private InstanceList() {
    }

    /**
     * @param key   the configuration key, for the message
     * @param value its value; null or blank when it is not set
     * @throws IllegalArgumentException naming the key and each unusable entry
     */
    public static List<URI> parse(String key, String value) {
        List<URI> urls = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : (value == null ? "" : value).split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI url = baseUrl(trimmed);
            if (url == null) {
                problems.add("'" + trimmed + "' is not an http(s) base URL");
            } else if (urls.contains(url)) {
                problems.add("'" + trimmed + "' is listed twice");
            } else {
                urls.add(url);
            }
        }
        if (urls.isEmpty() && problems.isEmpty()) {
            problems.add("it lists no instance");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(key + " cannot be used: " + String.join("; ", problems)
                    + ". Expected comma-separated base URLs with the context root, e.g. "
                    + "http://10.0.0.5:8083/inventory,http://10.0.0.6:8083/inventory");
        }
        return List.copyOf(urls);
    }

    /** The entry as a base URL without trailing slashes, or null when it is none. */
    static URI baseUrl(String entry) {
        try {
            URI url = new URI(entry.replaceAll("/+$", ""));
            boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
            boolean plain = url.getRawQuery() == null && url.getRawFragment() == null && url.getRawUserInfo() == null;
            return http && plain && url.getHost() != null && url.getPort() <= 65535 ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
