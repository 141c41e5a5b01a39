package org.apigate.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Tidies what Payara 6.2025.10 puts into every document that OpenAPI 3.0 does not allow: a top-level
 * {@code endpoints} member (its own list of paths per context root; no setting turns it off - later Payara versions
 * rename it {@code x-endpoints}), {@code @DefaultValue}s of integer parameters written as strings ({@code "50"}), path
 * parameters that a {@code @Parameter} annotation made optional, the defaults of every annotation attribute
 * ({@link PayaraSchemas}).
 */
public final class PayaraDocument {

    private static final Logger LOG = Logger.getLogger(PayaraDocument.class.getName());

    private PayaraDocument() {
    }

    /** @param classes the application's classes, for the names of the schemas of {@code implementation}s */
    public static void tidy(OpenAPI api, ClassLoader classes) {
        removeEndpoints(api);
        PayaraSchemas.repair(api, classes);
        Operations.of(api).forEach(operation -> {
            if (Boolean.FALSE.equals(operation.getDeprecated())) {
                operation.setDeprecated(null);
            }
        });
        Operations.of(api).filter(operation -> operation.getParameters() != null)
                .flatMap(operation -> operation.getParameters().stream())
                .forEach(PayaraDocument::parameter);
    }

    private static void parameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.PATH) {
            parameter.setRequired(true);
        }
        if (Boolean.FALSE.equals(parameter.getDeprecated())) {
            parameter.setDeprecated(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
            parameter.setAllowEmptyValue(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
            parameter.setAllowReserved(null);
        }
        if (parameter.getSchema() != null) {
            numericDefault(parameter.getSchema());
        }
    }

    /**
     * Empties Payara's {@code endpoints} map (not part of the MicroProfile model: reached through its public
     * getter); an empty map is left out of the document. Emptied rather than removed: Payara copies it when it
     * merges the documents of several applications.
     */
    static void removeEndpoints(OpenAPI api) {
        try {
            Object endpoints = api.getClass().getMethod("getEndpoints").invoke(api);
            if (endpoints instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "No endpoints member to remove from the OpenAPI document: " + e);
        }
    }

    private static void numericDefault(Schema schema) {
        if (schema.getType() == Schema.SchemaType.INTEGER && schema.getDefaultValue() instanceof String value) {
            try {
                schema.setDefaultValue(Long.valueOf(value.strip()));
            } catch (NumberFormatException e) {
                schema.setDefaultValue(null);
            }
        }
    }
}
