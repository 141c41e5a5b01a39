package org.apigate.testing;

import java.net.URL;

/**
 * Arquillian reports a deployment's URL with the machine's external address; tests must only talk to loopback,
 * so the host is replaced by 127.0.0.1 (Payara Micro listens on every interface).
 */
public final class Loopback {

    private Loopback() {
    }

    /** {@code http://127.0.0.1:<port><path>} for the deployment, without a trailing slash. */
    public static String of(URL deployment) {
        String path = deployment.getPath().replaceAll("/$", "");
        return "http://127.0.0.1:" + deployment.getPort() + path;
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
