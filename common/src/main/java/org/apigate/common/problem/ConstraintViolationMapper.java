package org.apigate.common.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;

/** Bean Validation failures: 400 with an {@code errors} member naming each invalid field and why. */
@Provider
public class ConstraintViolationMapper extends ProblemMapper<ConstraintViolationException> {

    @Override
    Problem problemFor(ConstraintViolationException exception) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        StringBuilder fields = new StringBuilder();
        exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> fieldOf(v)))
                .forEach(v -> {
                    String field = fieldOf(v);
                    errors.add(Json.createObjectBuilder().add("field", field).add("message", v.getMessage()));
                    fields.append(fields.length() == 0 ? "" : ", ").append(field);
                });
        return Problem.typed(Response.Status.BAD_REQUEST.getStatusCode(), "invalid-request", "Invalid request",
                "Invalid fields: " + fields + ".").with("errors", errors.build());
    }

    /**
     * The client's name for the field: the path below the method and its parameter, e.g. {@code lines[0].sku}
     * rather than {@code place.arg0.lines[0].sku}; a query or path parameter is named by itself.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            // A list element (a null line) is named by its index alone, not Hibernate's "<list element>".
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter != null ? parameter : "request";
    }
}
