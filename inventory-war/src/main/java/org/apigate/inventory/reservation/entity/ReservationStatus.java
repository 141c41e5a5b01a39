package org.apigate.inventory.reservation.entity;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reservation's outcome. Only RESERVED holds stock; RELEASED is final. */
@Schema(name = "ReservationStatus", type = SchemaType.STRING,
        description = "RESERVED holds the stock; REJECTED held none; RELEASED gave it back (final)")
public enum ReservationStatus {
    RESERVED, REJECTED, RELEASED
}
