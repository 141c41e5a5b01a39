package org.apigate.gateway.access.control;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.gateway.access.entity.Caller;
import org.apigate.gateway.access.entity.Verdict;
import org.apigate.gateway.routing.control.PathSegments;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/**
 * The contract's access rules, decided from the request alone. A customer may:
 * <ul>
 * <li>{@code GET}/{@code PUT /api/users/{sub}} and {@code GET /api/users/{sub}/overview} - its own user only;</li>
 * <li>{@code GET /api/orders?userId={sub}} - every {@code userId} given must be its own;</li>
 * <li>{@code POST /api/orders} - the body's {@code userId} must be its own;</li>
 * <li>{@code GET /api/orders/{id}}, {@code POST /api/orders/{id}/cancel} - if the order is its own;</li>
 * <li>{@code GET /api/inventory/items/**} - reading stock.</li>
 * </ul>
 * Nothing else: no list of users, no registering or deleting users, no HEAD/OPTIONS, no writes to the inventory.
 * Path segments are compared decoded, so {@code me%2F..} is not {@code me}.
 */
public final class AccessRules {

    /** Duplicate keys are refused: the order service must not read another {@code userId} than the one checked. */
    private static final JsonReaderFactory STRICT_JSON =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private AccessRules() {
    }

    /**
     * @param path  the public path as sent (percent-encoded), e.g. {@code /api/orders/42/cancel}
     * @param query the raw query string, or null
     * @throws ProblemException 400 when a customer's new order is not a JSON object (nothing can be checked then)
     */
    public static Verdict decide(Caller caller, String method, String path, String query, byte[] body) {
        if (caller.admin()) {
            return Verdict.ALLOW;
        }
        List<String> segments = PathSegments.of(path);
        if (segments.size() < 2 || !"api".equals(segments.get(0))) {
            return Verdict.DENY;
        }
        return switch (segments.get(1)) {
            case "users" -> users(caller, method, segments);
            case "orders" -> orders(caller, method, segments, PathSegments.raw(path), query, body);
            case "inventory" -> inventory(method, segments);
            default -> Verdict.DENY;
        };
    }

    private static Verdict users(Caller caller, String method, List<String> segments) {
        boolean own = segments.size() >= 3 && caller.is(segments.get(2));
        if (own && segments.size() == 3 && (method.equals("GET") || method.equals("PUT"))) {
            return Verdict.ALLOW;
        }
        if (own && segments.size() == 4 && segments.get(3).equals("overview") && method.equals("GET")) {
            return Verdict.ALLOW;
        }
        return Verdict.DENY;
    }

    private static Verdict orders(Caller caller, String method, List<String> segments, List<String> raw,
                                  String query, byte[] body) {
        if (segments.size() == 2) {
            boolean own = switch (method) {
                case "GET" -> queriesOwnOrders(caller, query);
                case "POST" -> ordersForItself(caller, body);
                default -> false;
            };
            return own ? Verdict.ALLOW : Verdict.DENY;
        }
        if (segments.get(2).isEmpty()) {
            return Verdict.DENY;
        }
        boolean read = segments.size() == 3 && method.equals("GET");
        boolean cancel = segments.size() == 4 && segments.get(3).equals("cancel") && method.equals("POST");
        return read || cancel ? Verdict.ifOwnOrder(raw.get(2)) : Verdict.DENY;
    }

    private static Verdict inventory(String method, List<String> segments) {
        boolean items = segments.size() >= 3 && segments.get(2).equals("items");
        return items && method.equals("GET") ? Verdict.ALLOW : Verdict.DENY;
    }

    private static boolean queriesOwnOrders(Caller caller, String query) {
        List<String> userIds = PathSegments.query(query).get("userId");
        return userIds != null && userIds.stream().allMatch(caller::is);
    }

    private static boolean ordersForItself(Caller caller, byte[] body) {
        try (JsonReader reader = STRICT_JSON.createReader(new ByteArrayInputStream(body))) {
            JsonStructure order = reader.read();
            if (!(order instanceof JsonObject object)) {
                throw malformed();
            }
            return object.get("userId") instanceof JsonString userId && caller.is(userId.getString());
        } catch (RuntimeException e) {
            // JsonException for broken JSON; Parsson refuses nesting deeper than 1,000 levels with a plain
            // RuntimeException ("Input is too deeply nested"): either way the client's body, not a server fault
            throw malformed();
        }
    }

    private static ProblemException malformed() {
        return new ProblemException(Problem.typed(400, "malformed-json", "Malformed JSON",
                "A new order must be a JSON object with the caller's userId."));
    }
}
