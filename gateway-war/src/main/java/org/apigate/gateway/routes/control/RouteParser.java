package org.apigate.gateway.routes.control;

import org.apigate.common.auth.Roles;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.exchange.Route;
import org.apigate.gateway.target.TargetParser;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads one route's {@code gateway.route.<name>.*} keys into a {@link Route}, or says why it cannot be used. */
final class RouteParser {

    static final String PREFIX = "gateway.route.";
    /** Names appear in config keys, metric tags and log lines: keep them plain. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final Set<String> DEFAULT_ROLES = Set.of(Roles.CUSTOMER, Roles.ADMIN);

    private RouteParser() {
    }

    /** Why a route cannot be used; the message names the key and is shown to operators. */
    static final class InvalidRoute extends Exception {
        InvalidRoute(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param setting the configured value of {@code gateway.route.<name>.<key>} by key, empty when unset
     */
    static Route parse(String name, Function<String, Optional<String>> setting) throws InvalidRoute {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRoute("route name '" + name + "' must match " + NAME);
        }
        String key = PREFIX + name + ".";
        List<String> prefix = path(key + "path", setting.apply("path")
                .orElseThrow(() -> new InvalidRoute(key + "path is not set")));
        if (prefix.isEmpty() || prefix.get(0).equals("admin")) {
            throw new InvalidRoute(key + "path must not be / or under /admin (the operators' area)");
        }
        String service = setting.apply("service").map(String::strip)
                .orElseThrow(() -> new InvalidRoute(key + "service is not set"));
        if (!NAME.matcher(service).matches()) {
            throw new InvalidRoute(key + "service '" + service + "' must match " + NAME);
        }
        List<String> upstreamPrefix = setting.apply("upstream-path").isPresent()
                ? path(key + "upstream-path", setting.apply("upstream-path").get()) : prefix;
        Route.Auth auth = auth(key, setting.apply("auth").orElse("bearer"));
        Optional<String> roleList = setting.apply("roles");
        Set<String> roles = roleList.isPresent() ? list(key + "roles", roleList.get(), ROLE) : DEFAULT_ROLES;
        if (auth == Route.Auth.BEARER && roles.isEmpty()) {
            throw new InvalidRoute(key + "roles is empty: no token could pass (use auth=none for a public route)");
        }
        String policy = setting.apply("ratelimit").map(String::strip).orElse("default");
        if (!NAME.matcher(policy).matches()) {
            throw new InvalidRoute(key + "ratelimit '" + policy + "' must match " + NAME);
        }
        Optional<String> methodList = setting.apply("methods");
        Set<String> methods = methodList.isPresent()
                ? list(key + "methods", methodList.get().toUpperCase(Locale.ROOT), METHOD) : Set.of();
        return new Route(name, Route.Kind.PROXY, prefix, service, upstreamPrefix, methods, auth, roles, policy,
                duration(key + "timeout", setting.apply("timeout")),
                maxBody(key + "max-body-bytes", setting.apply("max-body-bytes")));
    }

    /** A path prefix as canonical segments; {@code /api/users/} is {@code /api/users}. */
    private static List<String> path(String key, String value) throws InvalidRoute {
        String path = value.strip();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            RequestTarget target = TargetParser.parse(path.isEmpty() ? "/" : path, null);
            List<String> segments = target.segments();
            return segments.size() == 1 && segments.get(0).isEmpty() ? List.of() : segments;
        } catch (ProblemException e) {
            throw new InvalidRoute(key + " '" + value + "' is not a usable path: " + e.problem().detail());
        }
    }

    private static Route.Auth auth(String key, String value) throws InvalidRoute {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "bearer" -> Route.Auth.BEARER;
            case "none" -> Route.Auth.NONE;
            default -> throw new InvalidRoute(key + "auth must be bearer or none, is '" + value + "'");
        };
    }

    private static Set<String> list(String key, String value, Pattern element) throws InvalidRoute {
        Set<String> items = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            if (!element.matcher(item.strip()).matches()) {
                throw new InvalidRoute(key + " has an invalid entry '" + item.strip() + "'");
            }
            items.add(item.strip());
        }
        return items;
    }

    private static Duration duration(String key, Optional<String> value) throws InvalidRoute {
        if (value.isEmpty()) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value.get().strip());
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidRoute(key + " must be positive, is " + value.get());
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new InvalidRoute(key + " must be an ISO-8601 duration such as PT10S, is '" + value.get() + "'");
        }
    }

    private static Long maxBody(String key, Optional<String> value) throws InvalidRoute {
        if (value.isEmpty()) {
            return null;
        }
        try {
            long bytes = Long.parseLong(value.get().strip());
            if (bytes < -1) {
                throw new InvalidRoute(key + " must be -1 (unlimited) or at least 0, is " + bytes);
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new InvalidRoute(key + " must be a number of bytes, is '" + value.get() + "'");
        }
    }

    static List<String> names(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
