package org.apigate.common.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, plus the request id and any
 * extension members (e.g. {@code errors} naming invalid fields, {@code shortSkus}).
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://apigate.org/problems/";

    private final int status;
    private final String title;
    private final String detail;
    private final String type;
    private final Map<String, JsonValue> extensions = new LinkedHashMap<>();

    private Problem(int status, String title, String detail, String type) {
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.type = type;
    }

    /** A problem whose type and title come from the status, e.g. {@code .../problems/not-found}, "Not Found". */
    public static Problem of(Response.StatusType status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail, TYPE_BASE + slug(title));
    }

    /** A problem with its own type slug, for errors a client may want to tell apart (e.g. {@code out-of-stock}). */
    public static Problem typed(int status, String typeSlug, String title, String detail) {
        return new Problem(status, title, detail, TYPE_BASE + typeSlug);
    }

    public Problem with(String member, JsonValue value) {
        extensions.put(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public String type() {
        return type;
    }

    public JsonObject toJson(String requestId) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (requestId != null) {
            json.add("requestId", requestId);
        }
        extensions.forEach(json::add);
        return json.build();
    }

    /** The response for this problem; the request id is read from the current request by the caller. */
    public Response toResponse(String requestId) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(toJson(requestId).toString())
                .build();
    }

    static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
