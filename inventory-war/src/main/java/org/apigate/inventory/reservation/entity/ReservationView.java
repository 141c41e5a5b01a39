package org.apigate.inventory.reservation.entity;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A reservation as the API shows it. {@code shortSkus} names the short lines of a REJECTED reservation and is
 * null (so absent from the JSON) otherwise.
 */
@Schema(name = "Reservation", description = "Stock held, or refused, for one id",
        requiredProperties = {"id", "status", "lines", "createdAt"})
public record ReservationView(String id, ReservationStatus status, List<Line> lines,
                              @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                              @Schema(description = "REJECTED only: the lines that were short",
                                      implementation = String.class) List<String> shortSkus) {
}
