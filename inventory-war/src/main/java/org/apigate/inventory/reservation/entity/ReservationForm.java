package org.apigate.inventory.reservation.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.apigate.common.validation.DistinctSkus;
import org.apigate.inventory.Identifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.HashSet;
import java.util.List;

/** What a client sends to reserve stock: its own id for the reservation, and one line per SKU. */
@Schema(name = "ReservationForm", description = "Stock to hold, all lines or none",
        requiredProperties = {"id", "lines"})
public record ReservationForm(
        @NotNull @Pattern(regexp = Identifier.PATTERN, message = Identifier.MESSAGE)
        @Schema(description = "The caller's id for the reservation (the order service uses the order's id); "
                + "repeating it returns the first outcome", pattern = "^" + Identifier.PATTERN + "$")
        String id,
        @NotNull @Size(min = 1, max = 100) @DistinctSkus
        @Schema(description = "One line per SKU", minItems = 1, maxItems = 100,
                implementation = Line.class)
        List<@NotNull @Valid Line> lines) {

    /** Whether this asks for exactly {@code other} lines, in any order. */
    public boolean hasLines(List<Line> other) {
        return lines.size() == other.size() && new HashSet<>(lines).equals(new HashSet<>(other));
    }
}
