package org.apigate.gateway.access.entity;

/**
 * The access rules' answer for one request: allowed, denied, or allowed only if the order {@code orderId} (as it
 * appears in the path, percent-encoded) belongs to the caller - which only the order service knows.
 */
public record Verdict(Kind kind, String orderId) {

    public enum Kind { ALLOW, DENY, IF_OWN_ORDER }

    public static final Verdict ALLOW = new Verdict(Kind.ALLOW, null);
    public static final Verdict DENY = new Verdict(Kind.DENY, null);

    public static Verdict ifOwnOrder(String orderId) {
        return new Verdict(Kind.IF_OWN_ORDER, orderId);
    }
}
