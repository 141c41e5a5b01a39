package org.apigate.inventory.stock.entity;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apigate.common.json.WholeNumber;

/** What an operator sends to create an item or set its free stock. */
public record ItemForm(
        @NotBlank @Size(max = 200)
        String name,
        @NotNull @Min(0)
        @JsonbTypeDeserializer(WholeNumber.class)
        Integer available) {
}
