package org.apigate.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The schema of {@link org.apigate.common.problem.Problem}'s JSON: RFC 9457 members, the request id, extensions. */
final class ProblemSchema {

    private ProblemSchema() {
    }

    static Schema create() {
        Schema fieldError = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .required(List.of("field", "message"))
                .addProperty("field", string("The invalid field, e.g. lines[0].sku, or a query parameter's name"))
                .addProperty("message", string("What is wrong with it"));
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem. type tells problems apart (https://apigate.org/problems/<slug>, "
                        + "e.g. out-of-stock, invalid-request, invalid-token); some carry more members, e.g. shortSkus "
                        + "and orderId (out-of-stock) or errors (invalid-request).")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("Identifies the kind of problem").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("requestId", string("The request's id, as in X-Request-Id"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("invalid-request: each invalid field and why"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
