package org.apigate.gateway.observability.control;

import org.apigate.common.openapi.ApiComponents;
import org.apigate.common.openapi.StandardResponses;
import org.apigate.gateway.aggregate.entity.Reason;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/users/{id}/overview}, composed by the gateway: its operation and the {@code Overview} schema, whose
 * parts refer to the user service's {@code User} and the order service's {@code Order}.
 */
final class OverviewOperation {

    static final String PATH = "/api/users/{id}/overview";
    static final String TAG = "overview";

    private OverviewOperation() {
    }

    static PathItem create(Components components) {
        components.addSchema("Overview", overview());
        components.addSchema("OverviewError", error());
        Parameter id = OASFactory.createParameter().name("id").in(Parameter.In.PATH).required(true)
                .description("The user's id").schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("The overview; a part that could not be fetched is null and named in errors")
                        .addHeader(ApiComponents.X_GATEWAY_COMPLETE, OASFactory.createHeader()
                                .ref(ApiComponents.headerRef(ApiComponents.X_GATEWAY_COMPLETE)))
                        .content(OASFactory.createContent().addMediaType("application/json", OASFactory
                                .createMediaType().schema(ref("Overview")))))
                .addAPIResponse("404", OASFactory.createAPIResponse().description("No user with this id"));
        Operation operation = OASFactory.createOperation().operationId("getUserOverview").addTag(TAG)
                .summary("Read a user's overview")
                .description("The user, the user's orders and the free stock of every SKU in them, fetched from "
                        + "the three services in parallel. A customer reads only its own. When a part could not be "
                        + "fetched in time it is null, complete is false and X-Gateway-Complete: false; when no part "
                        + "arrived: 504 if every call timed out, 503 if nothing was available, else 502.")
                .responses(responses);
        StandardResponses.addIfMissing(responses, "502", "No part arrived: the services failed");
        StandardResponses.addIfMissing(responses, "503", "No part arrived: no service was available");
        StandardResponses.addIfMissing(responses, "504", "No part arrived: every call timed out");
        return OASFactory.createPathItem().addParameter(id).GET(operation);
    }

    private static Schema overview() {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("One user's data from three services")
                .required(List.of("user", "orders", "stock", "complete", "errors"))
                .addProperty("user", nullable(ref("User")).description("The user; null if it could not be fetched"))
                .addProperty("orders", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(ref("Order"))
                        .nullable(true).description("The user's orders; null if they could not be fetched"))
                .addProperty("stock", OASFactory.createSchema().type(Schema.SchemaType.OBJECT).nullable(true)
                        .additionalPropertiesSchema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER)
                                .format("int64"))
                        .description("The free stock of each SKU in the orders; null if it could not be fetched"))
                .addProperty("complete", OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN)
                        .description("Whether every part arrived"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(ref("OverviewError")).description("Why parts are missing; empty when complete"));
    }

    private static Schema error() {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT).description("Why one part is missing")
                .required(List.of("service", "reason", "detail"))
                .addProperty("service", string("The service: user, order or inventory"))
                .addProperty("reason", string("What went wrong").enumeration(
                        Arrays.stream(Reason.values()).map(reason -> (Object) reason.json()).toList()))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32")
                        .description("The service's status, when it answered one"))
                .addProperty("detail", string("A sentence for people"));
    }

    private static Schema nullable(Schema ref) {
        return OASFactory.createSchema().nullable(true).allOf(List.of(ref));
    }

    private static Schema ref(String component) {
        return OASFactory.createSchema().ref("#/components/schemas/" + component);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
