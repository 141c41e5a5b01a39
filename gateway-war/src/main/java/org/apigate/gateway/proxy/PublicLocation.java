package org.apigate.gateway.proxy;

import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.exchange.Route;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A service's {@code Location} as the client must see it: one that points into the route's upstream path on the
 * instance that answered ({@code http://10.0.0.5:8082/order/api/orders/7}, or {@code /order/api/orders/7}) becomes the
 * gateway's public URL with the route's public path ({@code https://api.example.com/api/orders/7}). Any other
 * location passes unchanged: clients never see an internal address, and the gateway never invents one.
 */
final class PublicLocation {

    private PublicLocation() {
    }

    static String of(String location, URI instance, Route route, URI publicBase) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        boolean sameInstance = uri.getRawAuthority() == null
                || (uri.getRawAuthority().equalsIgnoreCase(instance.getRawAuthority()));
        String internal = instance.getRawPath() + RequestTarget.path(route.upstreamPrefix());
        String path = uri.getRawPath();
        if (!sameInstance || path == null || !(path.equals(internal) || path.startsWith(internal + "/"))) {
            return location;
        }
        String base = publicBase.toString().replaceAll("/+$", "");
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
        return base + RequestTarget.path(route.prefix()) + path.substring(internal.length()) + query + fragment;
    }
}
