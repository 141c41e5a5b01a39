package org.apigate.inventory.reservation.entity;

import java.time.Instant;
import java.util.List;

/**
 * A reservation as the API shows it. {@code shortSkus} names the short lines of a REJECTED reservation and is
 * null (so absent from the JSON) otherwise.
 */
public record ReservationView(String id, ReservationStatus status, List<Line> lines, Instant createdAt,
                              List<String> shortSkus) {
}
