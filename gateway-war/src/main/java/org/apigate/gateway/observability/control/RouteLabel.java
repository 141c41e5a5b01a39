package org.apigate.gateway.observability.control;

import org.apigate.gateway.exchange.Exchange;

/**
 * The {@code route} of a request in metrics and the access log: the name of its route ({@code users},
 * {@code overview}, ...), {@code admin} for the operators' area, {@code unrouted} when no route matched. Route names
 * come from configuration, so a client inventing paths cannot create metric series.
 */
public final class RouteLabel {

    public static final String ADMIN = "admin";
    public static final String UNROUTED = "unrouted";

    private RouteLabel() {
    }

    public static String of(Exchange exchange) {
        if (exchange.route() != null) {
            return exchange.route().name();
        }
        String uri = exchange.request().getRequestURI();
        return uri.equals("/admin") || uri.startsWith("/admin/") ? ADMIN : UNROUTED;
    }
}
