package org.apigate.common.openapi;

/**
 * Names of the shared components of every {@code /openapi} document, as compile-time constants for annotations
 * ({@code @Header(name = ApiComponents.LOCATION, ref = ApiComponents.LOCATION)}).
 */
public final class ApiComponents {

    /** RFC 9457: the media type of every error. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** The schema of every problem body. */
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    /** The security scheme: a bearer JWT. */
    public static final String BEARER = "bearer";

    /** Response header: the request's id, the client's when well-formed, on every answer. */
    public static final String X_REQUEST_ID = "X-Request-Id";
    /** Response header of a 201: where the new resource is. */
    public static final String LOCATION = "Location";
    /** Response header of a paged list: the number of entries in all pages. */
    public static final String X_TOTAL_COUNT = "X-Total-Count";
    /** Response header of a 429 or a 503: seconds to wait before trying again. */
    public static final String RETRY_AFTER = "Retry-After";
    /** Response header of a 401: the bearer challenge. */
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    /** Response headers of the gateway's rate limit (draft-ietf-httpapi-ratelimit-headers-11). */
    public static final String RATE_LIMIT = "RateLimit";
    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    /** Response header of the gateway's overview: whether every part arrived. */
    public static final String X_GATEWAY_COMPLETE = "X-Gateway-Complete";
    /** Request header of {@code POST /api/orders}: the caller's key that makes a retry safe. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private ApiComponents() {
    }

    /** The reference to the shared header component {@code name}. */
    public static String headerRef(String name) {
        return "#/components/headers/" + name;
    }
}
