package org.apigate.order.orders.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it. {@code reason} explains a REJECTED or FAILED order; {@code compensationPending} is
 * present on FAILED orders only, true while a reservation that may exist in inventory is still to be released.
 * Null members are left out of the JSON.
 */
@JsonbPropertyOrder({"id", "userId", "lines", "status", "createdAt", "reason", "compensationPending"})
@Schema(name = "Order", description = "An order", requiredProperties = {"id", "userId", "lines", "status", "createdAt"})
public record OrderView(String id, String userId, List<Line> lines, OrderStatus status,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                        @Schema(description = "Why the order is REJECTED or FAILED") String reason,
                        @Schema(description = "FAILED orders only: true while stock that may be held in inventory is "
                                + "still to be released") Boolean compensationPending) {
}
