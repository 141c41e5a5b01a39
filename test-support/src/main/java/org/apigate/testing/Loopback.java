package org.apigate.testing;

import java.net.URL;

/**
 * Arquillian reports URLs with whatever host Payara Micro names (once the machine's external address); tests must
 * only talk to loopback, where the instances listen, so the host is replaced by 127.0.0.1.
 */
public final class Loopback {

    private Loopback() {
    }

    /** {@code http://127.0.0.1:<port><path>} for a URL on the instance (e.g. its /health), without a trailing slash. */
    public static String of(URL url) {
        String path = url.getPath().replaceAll("/$", "");
        return "http://127.0.0.1:" + url.getPort() + path;
    }

    /**
     * {@code http://127.0.0.1:<port><contextRoot>}: a deployment's base URL from the port Arquillian reports and the
     * context root the WAR is deployed at ({@code /inventory}; {@code ""} for the root context). Not the reported
     * path: the payara-micro-managed adapter reads the context roots from Payara's console output while it is still
     * being printed, and once (CI) reported the bare server URL, so every request of a test class reached the
     * server's default module (403/404 HTML).
     */
    public static String deployment(URL reported, String contextRoot) {
        return "http://127.0.0.1:" + reported.getPort() + contextRoot;
    }
}
