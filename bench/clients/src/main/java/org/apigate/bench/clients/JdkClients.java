package org.apigate.bench.clients;

import java.net.http.HttpClient;

/** The JDK client as the gateway builds it: HTTP/1.1 keep-alive (its pool has no size limit), no redirects, no proxy. */
final class JdkClients {

    private JdkClients() {
    }

    static HttpClient create() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Backend.TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }
}
