package org.apigate.order.orders.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apigate.common.validation.DistinctSkus;

import java.util.List;

/** What a client sends to place an order. */
public record OrderForm(
        @NotBlank @Size(max = 64)
        String userId,
        @NotNull @Size(min = 1, max = 100) @DistinctSkus
        List<@NotNull @Valid Line> lines) {
}
