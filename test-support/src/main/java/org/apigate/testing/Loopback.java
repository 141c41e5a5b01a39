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
}
