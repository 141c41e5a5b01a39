package org.apigate.gateway.access.entity;

/**
 * The access rules' answer for one request: allowed; denied; allowed only if the order {@code orderId} belongs to
 * the caller (which only the order service knows); or allowed only if the body names the caller as the user.
 */
public record Verdict(Kind kind, String orderId) {

    public enum Kind { ALLOW, DENY, IF_OWN_ORDER, IF_BODY_IS_CALLERS }

    public static final Verdict ALLOW = new Verdict(Kind.ALLOW, null);
    public static final Verdict DENY = new Verdict(Kind.DENY, null);
    public static final Verdict IF_BODY_IS_CALLERS = new Verdict(Kind.IF_BODY_IS_CALLERS, null);

    public static Verdict ifOwnOrder(String orderId) {
        return new Verdict(Kind.IF_OWN_ORDER, orderId);
    }
}
