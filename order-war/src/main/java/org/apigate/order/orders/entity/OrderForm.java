package org.apigate.order.orders.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apigate.common.validation.DistinctSkus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a client sends to place an order. */
@Schema(name = "OrderForm", description = "An order to place", requiredProperties = {"userId", "lines"})
public record OrderForm(
        @NotBlank @Size(max = 64)
        @Schema(description = "Whose order: a customer's own user id", minLength = 1, maxLength = 64)
        String userId,
        @NotNull @Size(min = 1, max = 100) @DistinctSkus
        @Schema(description = "One line per SKU", minItems = 1, maxItems = 100,
                implementation = Line.class)
        List<@NotNull @Valid Line> lines) {
}
