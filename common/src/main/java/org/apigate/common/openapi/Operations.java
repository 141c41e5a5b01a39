package org.apigate.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.Objects;
import java.util.stream.Stream;

/** Every operation of a document. */
final class Operations {

    private Operations() {
    }

    static Stream<Operation> of(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return Stream.empty();
        }
        return api.getPaths().getPathItems().values().stream().filter(Objects::nonNull)
                .map(PathItem::getOperations).filter(Objects::nonNull)
                .flatMap(operations -> operations.values().stream()).filter(Objects::nonNull);
    }
}
