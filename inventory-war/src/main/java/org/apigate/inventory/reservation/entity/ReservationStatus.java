package org.apigate.inventory.reservation.entity;

/** A reservation's outcome. Only RESERVED holds stock; RELEASED is final. */
public enum ReservationStatus {
    RESERVED, REJECTED, RELEASED
}
