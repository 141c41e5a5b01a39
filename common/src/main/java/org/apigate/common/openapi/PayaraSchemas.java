package org.apigate.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Repairs the schemas Payara 6.2025.10 builds from {@code @Schema} annotations. It writes every attribute the
 * annotation left at its default ({@code minLength: 0}, {@code maxProperties: 0} - no property allowed! -,
 * {@code exclusiveMaximum: false}, ...), which are dropped here, as "not set" is what they mean. And
 * {@code @Schema(implementation = X.class)} in an answer's or a body's content is copied from X's component only if
 * that was built before (otherwise it is a bare {@code type: object}): it becomes a {@code $ref} to X's component.
 */
final class PayaraSchemas {

    private PayaraSchemas() {
    }

    static void repair(OpenAPI api, ClassLoader classes) {
        Map<String, Schema> components = api.getComponents() == null || api.getComponents().getSchemas() == null
                ? Map.of() : api.getComponents().getSchemas();
        UnaryOperator<Schema> repair = schema -> repaired(schema, classes, components.keySet());
        components.values().forEach(schema -> repairProperties(schema, repair));
        Operations.of(api).flatMap(PayaraSchemas::contents).filter(Objects::nonNull)
                .flatMap(content -> content.getMediaTypes().values().stream()).filter(Objects::nonNull)
                .forEach(media -> media.setSchema(repair.apply(media.getSchema())));
        Operations.of(api).filter(operation -> operation.getParameters() != null)
                .flatMap(operation -> operation.getParameters().stream())
                .forEach(parameter -> parameter.setSchema(repair.apply(parameter.getSchema())));
    }

    private static Stream<Content> contents(Operation operation) {
        Stream<Content> body = operation.getRequestBody() == null ? Stream.empty()
                : Stream.of(operation.getRequestBody().getContent());
        Stream<Content> answers = operation.getResponses() == null ? Stream.empty()
                : operation.getResponses().getAPIResponses().values().stream().map(response -> response.getContent());
        return Stream.concat(body, answers);
    }

    private static void repairProperties(Schema schema, UnaryOperator<Schema> repair) {
        dropDefaults(schema);
        if (schema != null && schema.getProperties() != null) {
            Map.copyOf(schema.getProperties()).forEach((name, property) -> {
                Schema repaired = repair.apply(property);
                if (repaired != property) {
                    schema.addProperty(name, repaired);
                }
            });
        }
    }

    /**
     * {@code schema} without annotation defaults, its example of the schema's type; a schema naming its
     * implementation class a reference to that class's component (an array: its items).
     */
    private static Schema repaired(Schema schema, ClassLoader classes, Set<String> components) {
        if (schema == null) {
            return null;
        }
        dropDefaults(schema);
        numericExample(schema);
        String implementation = implementationOf(schema);
        if (implementation == null) {
            return schema;
        }
        String component = componentName(implementation, classes);
        if (!components.contains(component)) {
            return schema;
        }
        Schema ref = OASFactory.createSchema().ref("#/components/schemas/" + component);
        if (schema.getType() == Schema.SchemaType.ARRAY) {
            // Payara may have copied the component's members into the array itself
            schema.setProperties(null);
            schema.setRequired(null);
            schema.setItems(ref);
            return schema;
        }
        return ref;
    }

    /** Payara keeps an annotation's example as a string: {@code "2"} for an integer. */
    private static void numericExample(Schema schema) {
        if (schema.getExample() instanceof String example && (schema.getType() == Schema.SchemaType.INTEGER
                || schema.getType() == Schema.SchemaType.NUMBER)) {
            try {
                schema.setExample(new java.math.BigDecimal(example.strip()));
            } catch (NumberFormatException e) {
                schema.setExample(null);
            }
        }
    }

    private static String implementationOf(Schema schema) {
        if (schema == null) {
            return null;
        }
        try {
            Object value = schema.getClass().getMethod("getImplementation").invoke(schema);
            return value instanceof String name ? name.replace("[]", "") : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The name of the class's component: its {@code @Schema(name)}, else its simple name. */
    private static String componentName(String className, ClassLoader classes) {
        try {
            Class<?> type = Class.forName(className, false, classes);
            var annotation = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            return annotation != null && !annotation.name().isEmpty() ? annotation.name() : type.getSimpleName();
        } catch (ClassNotFoundException | LinkageError e) {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    /** Drops the annotation defaults Payara wrote into {@code schema} and all schemas within it. */
    static void dropDefaults(Schema schema) {
        if (schema == null) {
            return;
        }
        clearIf(schema.getExclusiveMaximum(), Boolean.FALSE, schema::setExclusiveMaximum);
        clearIf(schema.getExclusiveMinimum(), Boolean.FALSE, schema::setExclusiveMinimum);
        clearIf(schema.getUniqueItems(), Boolean.FALSE, schema::setUniqueItems);
        clearIf(schema.getNullable(), Boolean.FALSE, schema::setNullable);
        clearIf(schema.getReadOnly(), Boolean.FALSE, schema::setReadOnly);
        clearIf(schema.getWriteOnly(), Boolean.FALSE, schema::setWriteOnly);
        clearIf(schema.getDeprecated(), Boolean.FALSE, schema::setDeprecated);
        clearIf(schema.getMinLength(), 0, schema::setMinLength);
        clearIf(schema.getMaxProperties(), 0, schema::setMaxProperties);
        clearIf(schema.getMinProperties(), 0, schema::setMinProperties);
        clearIf(schema.getMinItems(), 0, schema::setMinItems);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(PayaraSchemas::dropDefaults);
        }
        dropDefaults(schema.getItems());
    }

    private static <T> void clearIf(T value, T annotationDefault, Consumer<T> setter) {
        if (annotationDefault.equals(value)) {
            setter.accept(null);
        }
    }
}
