package org.apigate.gateway.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One route of the gateway: requests whose path begins with {@code prefix} (whole segments) go to {@code service},
 * with {@code prefix} replaced by {@code upstreamPrefix}; or, for the composed overview, are answered by the gateway.
 *
 * @param name           the route's name in configuration, metrics and logs
 * @param kind           forwarded to a service, or composed by the gateway
 * @param prefix         the public path prefix as decoded segments, e.g. {@code [api, users]}
 * @param service        the service whose instances serve it ({@code gateway.service.<service>.urls})
 * @param upstreamPrefix what replaces {@code prefix} in the forwarded path
 * @param methods        the methods allowed, upper case; empty = every method
 * @param auth           whether a bearer token is needed
 * @param roles          the roles of which the caller needs one (with {@code auth} bearer)
 * @param policy         the rate-limit policy the route's requests count under
 * @param timeout        how long one upstream call may take; null = {@code gateway.proxy.timeout}
 * @param maxBodyBytes   the largest request body; null = {@code gateway.proxy.max-body-bytes}; -1 = unlimited
 */
public record Route(String name, Kind kind, List<String> prefix, String service, List<String> upstreamPrefix,
                    Set<String> methods, Auth auth, Set<String> roles, String policy, Duration timeout,
                    Long maxBodyBytes) {

    public enum Kind { PROXY, OVERVIEW }

    public enum Auth { BEARER, NONE }

    public Route {
        prefix = List.copyOf(prefix);
        upstreamPrefix = List.copyOf(upstreamPrefix);
        methods = Set.copyOf(methods);
        roles = Set.copyOf(roles);
    }

    public boolean allows(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    public boolean isPublic() {
        return auth == Auth.NONE;
    }
}
