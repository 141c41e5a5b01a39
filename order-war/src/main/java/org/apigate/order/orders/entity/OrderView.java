package org.apigate.order.orders.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it. {@code reason} explains a REJECTED or FAILED order; {@code compensationPending} is
 * present on FAILED orders only, true while a reservation that may exist in inventory is still to be released.
 * Null members are left out of the JSON.
 */
@JsonbPropertyOrder({"id", "userId", "lines", "status", "createdAt", "reason", "compensationPending"})
public record OrderView(String id, String userId, List<Line> lines, OrderStatus status, Instant createdAt,
                        String reason, Boolean compensationPending) {
}
