package org.apigate.gateway.access.control;

import org.apigate.gateway.access.entity.Verdict;
import org.apigate.gateway.exchange.Caller;
import org.apigate.gateway.exchange.RequestTarget;
import org.apigate.gateway.exchange.Route;

import java.util.List;

/**
 * The owner rules of the services this project ships, for callers that are not {@code admin}, judged on the target
 * exactly as it is forwarded (so whatever public path a route gives them, the same rules hold). A customer may:
 * <ul>
 * <li>user service: {@code GET}/{@code PUT /api/users/{sub}} - its own user only; and the overview of itself;</li>
 * <li>order service: {@code GET /api/orders?userId={sub}} - every {@code userId} given must be its own, and one must
 * be given; {@code POST /api/orders} - for itself (the body's {@code userId}); {@code GET /api/orders/{id}},
 * {@code POST /api/orders/{id}/cancel} - its own orders;</li>
 * <li>inventory service: {@code GET /api/items/**} - reading stock.</li>
 * </ul>
 * Nothing else of these services. Routes to other services are governed by their roles alone.
 */
public final class AccessRules {

    static final String USER_SERVICE = "user";
    static final String ORDER_SERVICE = "order";
    static final String INVENTORY_SERVICE = "inventory";
    private static final List<String> API = List.of("api");

    private AccessRules() {
    }

    public static Verdict decide(Caller caller, String method, Route route, RequestTarget publicTarget,
                                 RequestTarget forwarded) {
        if (route.kind() == Route.Kind.OVERVIEW) {
            return caller.is(publicTarget.segment(2)) ? Verdict.ALLOW : Verdict.DENY;
        }
        if (!forwarded.startsWith(API)) {
            return ours(route) ? Verdict.DENY : Verdict.ALLOW;
        }
        return switch (route.service()) {
            case USER_SERVICE -> users(caller, method, forwarded);
            case ORDER_SERVICE -> orders(caller, method, forwarded);
            case INVENTORY_SERVICE -> inventory(method, forwarded);
            default -> Verdict.ALLOW;
        };
    }

    private static boolean ours(Route route) {
        return List.of(USER_SERVICE, ORDER_SERVICE, INVENTORY_SERVICE).contains(route.service());
    }

    private static Verdict users(Caller caller, String method, RequestTarget target) {
        boolean own = target.size() == 3 && "users".equals(target.segment(1)) && caller.is(target.segment(2));
        return own && (method.equals("GET") || method.equals("PUT")) ? Verdict.ALLOW : Verdict.DENY;
    }

    private static Verdict orders(Caller caller, String method, RequestTarget target) {
        if (!"orders".equals(target.segment(1))) {
            return Verdict.DENY;
        }
        if (target.size() == 2) {
            return switch (method) {
                case "GET" -> queriesOwnOrders(caller, target) ? Verdict.ALLOW : Verdict.DENY;
                case "POST" -> Verdict.IF_BODY_IS_CALLERS;
                default -> Verdict.DENY;
            };
        }
        String orderId = target.segment(2);
        boolean read = target.size() == 3 && method.equals("GET");
        boolean cancel = target.size() == 4 && "cancel".equals(target.segment(3)) && method.equals("POST");
        return (read || cancel) && !orderId.isEmpty() ? Verdict.ifOwnOrder(orderId) : Verdict.DENY;
    }

    private static Verdict inventory(String method, RequestTarget target) {
        return target.size() >= 2 && "items".equals(target.segment(1)) && method.equals("GET")
                ? Verdict.ALLOW : Verdict.DENY;
    }

    private static boolean queriesOwnOrders(Caller caller, RequestTarget target) {
        List<String> userIds = target.parameter("userId");
        return !userIds.isEmpty() && userIds.stream().allMatch(caller::is);
    }
}
