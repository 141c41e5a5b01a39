package org.apigate.system.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.apigate.system.hostile.RoutingCase.Allowed.ANY_BUT_5XX;
import static org.apigate.system.hostile.RoutingCase.Allowed.INVENTORY_ONLY;
import static org.apigate.system.hostile.RoutingCase.Allowed.NOTHING;

/**
 * The corpus of routing tricks, sent on raw sockets: paths that try to climb out of {@code /api/<service>} or into
 * the admin area, paths a customer may not use dressed as its own, unrouted paths, oversized requests, CR/LF in
 * header values and conflicting body framing. Customer requests carry a customer's valid token (so authorization,
 * not authentication, is what stops them); unrouted ones carry an admin's (so routing is what stops them).
 */
final class RoutingTricks {

    private RoutingTricks() {
    }

    static List<RoutingCase> all() {
        List<RoutingCase> cases = new ArrayList<>();
        cases.addAll(intoTheAdminArea());
        cases.addAll(intoAnotherUser());
        cases.addAll(unrouted());
        cases.addAll(oversized());
        cases.addAll(headerInjection());
        cases.addAll(bodyFraming());
        return cases;
    }

    /** A customer must never get a 2xx from {@code /admin/**}, however the path is spelt. */
    static List<RoutingCase> intoTheAdminArea() {
        List<RoutingCase> cases = new ArrayList<>();
        for (String path : List.of("/admin/routes", "/api/users/../../admin/routes", "/api/../admin/routes",
                "/api/users/%2e%2e/%2e%2e/admin/routes", "/api/users/%2E%2E%2F%2E%2E%2Fadmin%2Froutes",
                "/api/users/..%2f..%2fadmin/routes", "//admin/routes", "/admin//routes", "/admin/./routes",
                "/admin/routes;jsessionid=x", "/admin;a=b/routes", "/api/users/..;/..;/admin/routes",
                "/api\\..\\admin\\routes", "/api/users/%5c..%5c..%5cadmin%5croutes", "/%61dmin/routes",
                "/ADMIN/routes", "/admin/routes%00.json", "/admin/routes/", "/admin/nowhere")) {
            cases.add(customerGet("customer to " + path, path, NOTHING));
        }
        cases.add(new RoutingCase("customer, absolute-form target to /admin/routes",
                p -> raw("GET http://127.0.0.1/admin/routes?" + p.marker() + " HTTP/1.1", "Host: 127.0.0.1",
                        auth(p.customer())), NOTHING));
        cases.add(new RoutingCase("customer, HTTP/1.0 without Host to /admin/routes",
                p -> "GET /admin/routes?" + p.marker() + " HTTP/1.0\r\n" + auth(p.customer()) + "\r\n\r\n", NOTHING));
        return cases;
    }

    /** A customer may read only its own user: spellings of another user's path must not pass as its own. */
    static List<RoutingCase> intoAnotherUser() {
        List<Function<RoutingCase.Probe, String>> paths = List.of(
                p -> "/api/users/" + p.victim(),
                p -> "/api/users/" + p.owner() + "/../" + p.victim(),
                p -> "/api/users/" + p.owner() + "/%2e%2e/" + p.victim(),
                p -> "/api/users/" + p.owner() + "%2f..%2f" + p.victim(),
                p -> "/api/users/" + p.owner() + "/..;/" + p.victim(),
                p -> "/api/users/" + p.victim() + ";" + p.owner(),
                p -> "/api/users/" + p.victim() + ";id=" + p.owner(),
                p -> "/api/users/" + p.victim() + "%3b" + p.owner(),
                p -> "/api/users//" + p.victim(),
                p -> "/api/users/" + p.victim() + "?id=" + p.owner() + "&",
                p -> "/api/orders/../users/" + p.victim(),
                p -> "/api/inventory/../users/" + p.victim(),
                p -> "/api/users/" + p.owner() + "/../../users",
                p -> "/api/users");
        List<RoutingCase> cases = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Function<RoutingCase.Probe, String> path = paths.get(i);
            String shown = path.apply(new RoutingCase.Probe("", "", "{own}", "{other}", "")).replace("?", "\\?");
            cases.add(new RoutingCase("customer to " + shown, p -> raw("GET " + withMarker(path.apply(p), p)
                    + " HTTP/1.1", "Host: 127.0.0.1", auth(p.customer())), NOTHING));
        }
        return cases;
    }

    /** Paths no route serves: an admin (allowed everything) gets a 4xx, and no service sees them. */
    static List<RoutingCase> unrouted() {
        List<RoutingCase> cases = new ArrayList<>();
        for (String path : List.of("/api/nowhere", "/api//users", "/api/usersx", "/api", "/api/",
                "/api/inventory/../../user/api/users", "/user/api/users", "/api/%2e%2e/user/api/users",
                "/api/users/../../user/api/users")) {
            cases.add(adminGet("admin to " + path, path, NOTHING));
        }
        // routed to the inventory, which answers for its own paths; the user service must not see it
        cases.add(adminGet("admin to /api/inventory/..%2f..%2fuser%2fapi%2fusers",
                "/api/inventory/..%2f..%2fuser%2fapi%2fusers", INVENTORY_ONLY));
        cases.add(adminGet("admin to /api/inventory/items/%2e%2e%2f%2e%2e%2f%2e%2e%2fuser%2fapi%2fusers",
                "/api/inventory/items/%2e%2e%2f%2e%2e%2f%2e%2e%2fuser%2fapi%2fusers", INVENTORY_ONLY));
        return cases;
    }

    static List<RoutingCase> oversized() {
        List<RoutingCase> cases = new ArrayList<>();
        cases.add(adminGet("admin, a 10,000-character path", "/api/users/" + "a".repeat(10_000), ANY_BUT_5XX));
        cases.add(adminGet("admin, a 100,000-character path", "/api/users/" + "a".repeat(100_000), NOTHING));
        cases.add(new RoutingCase("admin, a 20 KB header", p -> raw("GET /api/users/x?" + p.marker() + " HTTP/1.1",
                "Host: 127.0.0.1", auth(p.admin()), "X-Long: " + "x".repeat(20 * 1024)), NOTHING));
        cases.add(new RoutingCase("admin, 500 headers", p -> {
            List<String> lines = new ArrayList<>(List.of("GET /api/users/x?" + p.marker() + " HTTP/1.1",
                    "Host: 127.0.0.1", auth(p.admin())));
            for (int i = 0; i < 500; i++) {
                lines.add("X-Many-" + i + ": " + i);
            }
            return raw(lines.toArray(String[]::new));
        }, ANY_BUT_5XX));
        return cases;
    }

    /** CR, LF and folding inside header values: neither an injected header nor a 500. */
    static List<RoutingCase> headerInjection() {
        List<RoutingCase> cases = new ArrayList<>();
        cases.add(new RoutingCase("customer, bare LF injecting an admin Authorization",
                p -> raw("GET /admin/routes?" + p.marker() + " HTTP/1.1", "Host: 127.0.0.1", auth(p.customer()),
                        "X-Note: x\n" + auth(p.admin())), NOTHING));
        cases.add(new RoutingCase("customer, bare CR injecting an admin Authorization",
                p -> raw("GET /admin/routes?" + p.marker() + " HTTP/1.1", "Host: 127.0.0.1", auth(p.customer()),
                        "X-Note: x\r" + auth(p.admin())), NOTHING));
        cases.add(new RoutingCase("customer, obs-fold continuing into an admin Authorization",
                p -> raw("GET /admin/routes?" + p.marker() + " HTTP/1.1", "Host: 127.0.0.1", auth(p.customer()),
                        "X-Note: x", " " + auth(p.admin())), NOTHING));
        cases.add(new RoutingCase("no token, bare LF injecting an admin Authorization",
                p -> raw("GET /admin/routes?" + p.marker() + " HTTP/1.1", "Host: 127.0.0.1",
                        "X-Note: x\n" + auth(p.admin())), NOTHING));
        for (String value : List.of("a\rb", "a\nb", "a\r\n\tb", "a\u0000b", "caf\u00e9 \u00ff", "a\u007fb")) {
            String shown = value.replace("\r", "CR").replace("\n", "LF").replace("\t", "TAB")
                    .replace("\u0000", "NUL").replace("\u007f", "DEL");
            cases.add(new RoutingCase("admin, forwarded header value " + shown, p -> raw(
                    "GET /api/users/x?" + p.marker() + " HTTP/1.1", "Host: 127.0.0.1", auth(p.admin()),
                    "X-Note: " + value), ANY_BUT_5XX));
            cases.add(new RoutingCase("admin, X-Request-Id " + shown, p -> raw(
                    "GET /api/users/x?" + p.marker() + " HTTP/1.1", "Host: 127.0.0.1", auth(p.admin()),
                    "X-Request-Id: " + value), ANY_BUT_5XX));
        }
        cases.add(new RoutingCase("admin, header name with a space", p -> raw(
                "GET /api/users/x?" + p.marker() + " HTTP/1.1", "Host: 127.0.0.1", auth(p.admin()),
                "X Note: a"), ANY_BUT_5XX));
        cases.add(new RoutingCase("admin, two Host headers", p -> raw(
                "GET /api/users/x?" + p.marker() + " HTTP/1.1", "Host: 127.0.0.1", "Host: evil.example",
                auth(p.admin())), ANY_BUT_5XX));
        return cases;
    }

    /** Conflicting or broken body framing, with a smuggled admin-area request behind it. */
    static List<RoutingCase> bodyFraming() {
        List<RoutingCase> cases = new ArrayList<>();
        cases.add(framing("Content-Length and Transfer-Encoding: chunked", "Content-Length: 4",
                "Transfer-Encoding: chunked"));
        cases.add(framing("Transfer-Encoding: chunked, then Content-Length", "Transfer-Encoding: chunked",
                "Content-Length: 4"));
        cases.add(framing("two different Content-Length headers", "Content-Length: 5", "Content-Length: 0"));
        cases.add(framing("Content-Length 0 with a body", "Content-Length: 0"));
        cases.add(framing("Transfer-Encoding: xchunked with Content-Length", "Transfer-Encoding: xchunked",
                "Content-Length: 5"));
        cases.add(framing("Transfer-Encoding: chunked, identity", "Transfer-Encoding: chunked, identity"));
        cases.add(framing("Transfer-Encoding with a space before the colon", "Transfer-Encoding : chunked",
                "Content-Length: 5"));
        cases.add(framing("Content-Length: -1", "Content-Length: -1"));
        cases.add(framing("Content-Length beyond a long", "Content-Length: 99999999999999999999"));
        cases.add(framing("chunk size not hex", "Transfer-Encoding: chunked"));
        return cases;
    }

    /**
     * A customer's POST to {@code /api/users} (forbidden to customers) framed with {@code framing}, followed on the
     * same connection by a smuggled GET of {@code /admin/routes} with the customer's token: whichever way a server
     * splits the bytes, no answer may be a 2xx or a 5xx.
     */
    private static RoutingCase framing(String name, String... framing) {
        return new RoutingCase("smuggling: " + name, p -> {
            String smuggled = "GET /admin/routes?" + p.marker() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + auth(p.customer()) + "\r\nConnection: close\r\n\r\n";
            List<String> head = new ArrayList<>(List.of("POST /api/users?" + p.marker() + " HTTP/1.1",
                    "Host: 127.0.0.1", auth(p.customer()), "Content-Type: application/json"));
            head.addAll(List.of(framing));
            String body = name.contains("not hex") ? "zz\r\n{}\r\n0\r\n\r\n" : "0\r\n\r\n";
            return String.join("\r\n", head) + "\r\n\r\n" + body + smuggled;
        }, NOTHING);
    }

    private static RoutingCase customerGet(String name, String path, RoutingCase.Allowed may) {
        return new RoutingCase(name, p -> raw("GET " + withMarker(path, p) + " HTTP/1.1", "Host: 127.0.0.1",
                auth(p.customer())), may);
    }

    private static RoutingCase adminGet(String name, String path, RoutingCase.Allowed may) {
        return new RoutingCase(name, p -> raw("GET " + withMarker(path, p) + " HTTP/1.1", "Host: 127.0.0.1",
                auth(p.admin())), may);
    }

    private static String withMarker(String path, RoutingCase.Probe probe) {
        return path + (path.contains("?") ? "" : "?") + "probe=" + probe.marker();
    }

    private static String auth(String token) {
        return "Authorization: Bearer " + token;
    }

    /** Request line and header lines joined with CRLF, ending the head; the server closes after answering. */
    private static String raw(String... lines) {
        return String.join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
    }
}
