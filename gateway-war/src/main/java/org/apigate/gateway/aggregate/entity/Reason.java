package org.apigate.gateway.aggregate.entity;

/** Why a branch of a composition has no part in the result; {@link #json()} is the value clients see. */
public enum Reason {
    /** No answer within the branch's timeout or the request's deadline. */
    TIMEOUT("timeout"),
    /** The service's instances refused or dropped the connection. */
    REFUSED("refused"),
    /** No instance configured or healthy, or the service itself answered 503. */
    UNAVAILABLE("unavailable"),
    /** The service answered another status than 200 (its status is given). */
    UPSTREAM_STATUS("upstream-status"),
    /** The service answered 200 with a body that is not the JSON its contract promises. */
    INVALID_RESPONSE("invalid-response"),
    /** Anything else that went wrong inside the gateway while calling the service. */
    FAILED("failed");

    private final String json;

    Reason(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
