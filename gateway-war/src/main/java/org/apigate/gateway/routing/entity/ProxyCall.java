package org.apigate.gateway.routing.entity;

/**
 * A client's request to {@code /api/**} as the gateway judges it - its public path (percent-encoded, as sent) and
 * raw query string, or null - together with the upstream request it becomes once admitted.
 */
public record ProxyCall(String path, String query, UpstreamRequest upstream) {

    public String method() {
        return upstream.method();
    }

    public byte[] body() {
        return upstream.body();
    }
}
