package org.apigate.inventory.reservation.entity;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.apigate.common.json.WholeNumber;
import org.apigate.common.validation.SkuLine;
import org.apigate.inventory.Identifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a reservation, as a client sends it and reads it back. */
@Schema(name = "ReservationLine", description = "How many of one item", requiredProperties = {"sku", "quantity"})
public record Line(
        @NotNull @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
        @Schema(pattern = "^" + Identifier.PATTERN + "$", example = "W-1")
        String sku,
        @NotNull @Min(1) @Max(1_000_000)
        @JsonbTypeDeserializer(WholeNumber.class)
        @Schema(description = "A whole number", format = "int32", minimum = "1", maximum = "1000000", example = "2")
        Integer quantity) implements SkuLine {
}
