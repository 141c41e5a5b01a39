package org.apigate.inventory.reservation.control;

import jakarta.ejb.ApplicationException;

/**
 * Another transaction inserted this reservation id first. Rolls the loser's transaction back (PostgreSQL
 * would refuse any further statement in it anyway); {@link Reservations} then works with the winner's row.
 */
@ApplicationException(rollback = true)
public class ReservationIdTaken extends RuntimeException {

    public ReservationIdTaken(String id) {
        super("Reservation id " + id + " was inserted by a concurrent transaction", null, false, false);
    }
}
