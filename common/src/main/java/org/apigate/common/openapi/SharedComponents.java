package org.apigate.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.Map;
import java.util.Optional;

/**
 * The components every document shares: the problem schema, the bearer scheme and the headers. A header is defined
 * only where an answer refers to it ({@link #defineReferencedHeaders}), so no document carries an unused one.
 */
public final class SharedComponents {

    private static final Map<String, Header> HEADERS = Map.of(
            ApiComponents.X_REQUEST_ID, header("The request's id: the client's X-Request-Id when well-formed (up to 128"
                    + " of A-Za-z0-9._:@+=-), otherwise a generated one. Quote it when reporting a problem.",
                    string().maxLength(128).pattern("^[A-Za-z0-9._:@+=-]{1,128}$")).required(true),
            ApiComponents.LOCATION, header("The URL of the created resource", string().format("uri")),
            ApiComponents.X_TOTAL_COUNT, header("The number of entries in all pages",
                    OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64").minimum(
                            java.math.BigDecimal.ZERO)),
            ApiComponents.RETRY_AFTER, header("Seconds to wait before trying again",
                    OASFactory.createSchema().type(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)),
            ApiComponents.WWW_AUTHENTICATE, header("The bearer challenge (RFC 6750): Bearer, or Bearer "
                    + "error=\"invalid_token\" when the token sent was refused", string()),
            ApiComponents.RATE_LIMIT, header("What is left of the caller's quota (draft-ietf-httpapi-ratelimit-headers"
                    + "-11), e.g. \"default\";r=99;t=60: r requests remain, t seconds until one is freed", string()),
            ApiComponents.RATE_LIMIT_POLICY, header("The caller's quota policy, e.g. \"default\";q=100;w=60: q requests"
                    + " per window of w seconds", string()),
            ApiComponents.X_GATEWAY_COMPLETE, header("Whether every part of the composed answer arrived (false: see"
                    + " its errors member)", OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN)));

    private SharedComponents() {
    }

    /** Adds the problem schema and the bearer scheme, and requires a bearer token for every operation. */
    public static void addTo(OpenAPI api) {
        Components components = components(api);
        components.addSchema(ApiComponents.PROBLEM, ProblemSchema.create());
        components.addSecurityScheme(ApiComponents.BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT of the users' identity provider (RS256 or ES256; iss, aud, exp and sub required). "
                        + "Its roles claim grants customer (a shop's customer: its sub is its user id, and it may "
                        + "touch only its own user and orders), admin (everything) or service (another apigate "
                        + "service, with its own credential). Each operation names the roles it accepts (x-roles)."));
        if (api.getSecurity() == null || api.getSecurity().isEmpty()) {
            api.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(ApiComponents.BEARER));
        }
    }

    /** Defines every shared header some answer of {@code api} refers to. */
    public static void defineReferencedHeaders(OpenAPI api) {
        Components components = components(api);
        Operations.of(api).forEach(operation -> Optional.ofNullable(operation.getResponses())
                .map(responses -> responses.getAPIResponses().values()).stream().flatMap(java.util.Collection::stream)
                .filter(response -> response.getHeaders() != null)
                .flatMap(response -> response.getHeaders().values().stream())
                .map(Header::getRef).filter(ref -> ref != null && ref.startsWith(ApiComponents.headerRef("")))
                .map(ref -> ref.substring(ApiComponents.headerRef("").length()))
                .filter(HEADERS::containsKey)
                .forEach(name -> components.addHeader(name, HEADERS.get(name))));
    }

    /** A reference to the shared header {@code name}. */
    public static Header ref(String name) {
        return OASFactory.createHeader().ref(ApiComponents.headerRef(name));
    }

    private static Components components(OpenAPI api) {
        if (api.getComponents() == null) {
            api.components(OASFactory.createComponents());
        }
        return api.getComponents();
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema string() {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING);
    }
}
