package org.apigate.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Set;

/**
 * What every operation of a service answers besides what its annotations say: 401 and 403 when it needs a token,
 * 400 and 415 when it reads a body, 500 and 503 always (a defect; the database busy or the token keys
 * unreadable); every error as a problem; every answer with {@code X-Request-Id}, a 429 or 503 with {@code Retry-After}.
 */
public final class StandardResponses {

    static final String UNAUTHORIZED = "No bearer token (WWW-Authenticate: Bearer), or one that was refused (Bearer "
            + "error=\"invalid_token\"; problem type invalid-token)";
    static final String FORBIDDEN = "The token's roles or subject do not allow this call";
    static final String UNAVAILABLE = "The service cannot serve now: its database is busy (database-busy) or the "
            + "issuer's keys cannot be read (token-keys-unavailable); retry after Retry-After seconds";
    static final String INVALID_BODY = "The body is not JSON of this shape (malformed-json) or has invalid fields "
            + "(invalid-request, with errors)";
    static final String UNSUPPORTED = "Content-Type is not application/json";
    static final String INTERNAL = "An unexpected failure; quote the request id when reporting it";

    private StandardResponses() {
    }

    /** Completes {@code operation}; {@code roles} empty: it needs no token. */
    public static void complete(Operation operation, Set<String> roles) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.responses(responses);
        if (!roles.isEmpty()) {
            addIfMissing(responses, "401", UNAUTHORIZED);
            addIfMissing(responses, "403", FORBIDDEN);
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "400", INVALID_BODY);
            addIfMissing(responses, "415", UNSUPPORTED);
        }
        addIfMissing(responses, "500", INTERNAL);
        addIfMissing(responses, "503", UNAVAILABLE);
        responses.getAPIResponses().forEach(StandardResponses::decorate);
    }

    /** Adds the answer {@code status}, a problem, unless the operation documents it already. */
    public static void addIfMissing(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** The problem body of an error answer that names none, the headers every answer of its status carries. */
    public static void decorate(String status, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (isError(status) && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
            response.content(problem());
        }
        addHeader(response, ApiComponents.X_REQUEST_ID);
        if (status.equals("429") || status.equals("503")) {
            addHeader(response, ApiComponents.RETRY_AFTER);
        }
        if (status.equals("401")) {
            addHeader(response, ApiComponents.WWW_AUTHENTICATE);
        }
    }

    /** Adds a reference to the shared header {@code name} unless the answer has that header. */
    public static void addHeader(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, SharedComponents.ref(name));
        }
    }

    /** A problem+json body. */
    public static Content problem() {
        return OASFactory.createContent().addMediaType(ApiComponents.PROBLEM_JSON, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(ApiComponents.PROBLEM_REF)));
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }
}
