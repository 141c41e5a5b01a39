package org.apigate.order.orders.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.apigate.common.json.WholeNumber;
import org.apigate.common.validation.SkuLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of an order as the API reads and writes it: which item and how many (a whole number, 1.5 is refused). */
@JsonbPropertyOrder({"sku", "quantity"})
@Schema(name = "OrderLine", description = "How many of one item", requiredProperties = {"sku", "quantity"})
public record Line(
        @NotNull @Pattern(regexp = Line.SKU, message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
        @Schema(description = "The item's SKU", pattern = "^" + Line.SKU + "$", example = "W-1")
        String sku,
        @NotNull @Min(1) @Max(1_000_000)
        @JsonbTypeDeserializer(WholeNumber.class)
        @Schema(description = "A whole number", format = "int32", minimum = "1", maximum = "1000000", example = "2")
        Integer quantity) implements SkuLine {

    /** The SKU syntax shared with inventory-war; a comma can never occur, so SKUs can be stored comma-joined. */
    public static final String SKU = "[A-Za-z0-9._-]{1,64}";
}
