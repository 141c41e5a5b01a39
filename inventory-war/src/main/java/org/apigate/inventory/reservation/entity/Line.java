package org.apigate.inventory.reservation.entity;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.apigate.common.json.WholeNumber;
import org.apigate.common.validation.SkuLine;
import org.apigate.inventory.Identifier;

/** One line of a reservation, as a client sends it and reads it back. */
public record Line(
        @NotNull @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
        String sku,
        @NotNull @Min(1) @Max(1_000_000)
        @JsonbTypeDeserializer(WholeNumber.class)
        Integer quantity) implements SkuLine {
}
