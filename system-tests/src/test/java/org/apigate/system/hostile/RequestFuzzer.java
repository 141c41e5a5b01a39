package org.apigate.system.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded generator: for one target, a reproducible sequence of requests built from the target's real route
 * segments and ids plus junk - random methods (odd ones too), query parameters, headers, content types and bodies
 * ({@link FuzzBodies}). The same seed gives the same sequence, so a failure is replayed with its seed and index.
 */
final class RequestFuzzer {

    private static final String[] METHODS = {"GET", "GET", "GET", "GET", "POST", "POST", "POST", "PUT", "PUT", "DELETE",
            "PATCH", "HEAD", "OPTIONS", "PROPFIND", "MKCOL", "FOO", "TRACE", "get", "X-Y"};
    private static final String[] JUNK = {"..", ".", "%2e%2e", "%2F", "%2f..%2f", "%00", "%FF", "%C3%A9", "%20",
            "a%20b", "%7B%7D", "~", "-", "_", "null", "undefined", "0", "-1", "99999999999999999999", "%25",
            "a;b=c", "%3B", "*", "%E2%80%AE", "%F0%9F%98%80", "%0D%0A"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
            "application/json; charset=utf-16", "application/json; charset=nope", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "a/b/c", "*/*", "",
            "application/problem+json", "application/merge-patch+json"};
    private static final String[] ACCEPTS = {"*/*", "application/json", "application/xml", "text/html", "a/b",
            "application/json;q=0", "image/png"};
    private static final String[] QUERY_NAMES = {"limit", "offset", "userId", "sku", "id", "access_token", "x"};

    private final SplittableRandom random;
    private final FuzzRequest.Target target;
    private final FuzzFixture fixture;
    private final FuzzBodies bodies;

    RequestFuzzer(long seed, FuzzRequest.Target target, FuzzFixture fixture) {
        // one independent stream per target, so each target's sequence depends only on the seed
        this.random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (target.ordinal() + 1));
        this.target = target;
        this.fixture = fixture;
        this.bodies = new FuzzBodies(random, fixture.ids());
    }

    List<FuzzRequest> generate(int count) {
        List<FuzzRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(next(i));
        }
        return requests;
    }

    private FuzzRequest next(int index) {
        String method = METHODS[random.nextInt(METHODS.length)];
        String path = path() + query();
        byte[] generated = bodies.next();
        // RFC 9110 9.3.8: a client MUST NOT send content with TRACE. Payara answers such a TRACE with 405 but keeps
        // the connection without reading the content, which then prefixes the next request on that connection (a
        // platform desync, reported separately) - the fuzzer keeps to the rule so its own connections stay in step
        byte[] body = method.equals("TRACE") ? new byte[0] : generated;
        List<String> headers = new ArrayList<>();
        if (body.length > 0 || random.nextInt(5) == 0) {
            String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            if (!type.isEmpty()) {
                headers.addAll(List.of("Content-Type", type));
            }
        }
        if (random.nextInt(3) == 0) {
            headers.addAll(List.of("Accept", ACCEPTS[random.nextInt(ACCEPTS.length)]));
        }
        if (random.nextInt(6) == 0) {
            headers.addAll(List.of("Idempotency-Key", random.nextBoolean() ? "k" + random.nextInt(50)
                    : "x".repeat(1 + random.nextInt(400))));
        }
        if (random.nextInt(10) == 0) {
            headers.addAll(List.of("X-Request-Id", junk() + junk()));
        }
        if (random.nextInt(20) == 0) {
            headers.addAll(List.of("Content-Encoding", random.nextBoolean() ? "gzip" : "br"));
        }
        if (random.nextInt(20) == 0) {
            headers.addAll(List.of("X-Forwarded-For", "1.2.3.4, " + junk()));
        }
        // the services verify tokens themselves: without valid ones now and then, fuzzing them would stop at the 401
        String authorization = fixture.authorization(random);
        if (authorization != null) {
            headers.addAll(List.of("Authorization", authorization));
        }
        return new FuzzRequest(target, index, method, path, List.copyOf(headers), body);
    }

    private String path() {
        String base = switch (target) {
            case GATEWAY -> pick("/api/users", "/api/users", "/api/orders", "/api/orders", "/api/inventory/items",
                    "/api/inventory/reservations", "/api/inventory", "/admin/routes", "/admin", "/api", "",
                    "/health/ready", "/api/" + junk());
            case USER -> pick("/user/api/users", "/user/api/users", "/user/api", "/user/health/ready", "/user");
            case ORDER -> pick("/order/api/orders", "/order/api/orders", "/order/api", "/order/health/ready");
            case INVENTORY -> pick("/inventory/api/items", "/inventory/api/items", "/inventory/api/reservations",
                    "/inventory/api", "/inventory/health/ready");
        };
        StringBuilder path = new StringBuilder(base);
        for (int segments = random.nextInt(4); segments > 0; segments--) {
            int roll = random.nextInt(10);
            path.append('/').append(roll < 5 ? fixture.ids().get(random.nextInt(fixture.ids().size()))
                    : roll < 7 ? pick("cancel", "overview", "items", "users", "orders") : junk());
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private String query() {
        if (random.nextInt(10) >= 3) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            query.append(QUERY_NAMES[random.nextInt(QUERY_NAMES.length)]).append('=')
                    .append(random.nextBoolean() ? fixture.ids().get(random.nextInt(fixture.ids().size())) : junk())
                    .append(n > 1 ? "&" : "");
        }
        return query.toString();
    }

    private String junk() {
        int roll = random.nextInt(10);
        if (roll < 5) {
            return JUNK[random.nextInt(JUNK.length)];
        }
        if (roll < 9) {
            return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        }
        return "x".repeat(1 + random.nextInt(2000));
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
