package org.apigate.inventory.stock.entity;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apigate.common.json.WholeNumber;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an operator sends to create an item or set its free stock. */
@Schema(name = "ItemForm", description = "An item's name and its free stock",
        requiredProperties = {"name", "available"})
public record ItemForm(
        @NotBlank @Size(max = 200)
        @Schema(minLength = 1, maxLength = 200, example = "Widget")
        String name,
        @NotNull @Min(0)
        @JsonbTypeDeserializer(WholeNumber.class)
        @Schema(description = "Free stock, a whole number", format = "int32", minimum = "0", example = "10")
        Integer available) {
}
