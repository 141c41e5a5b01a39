package org.apigate.order.inventory.control;

/** Inventory refused the reservation because its id was released before: no stock is held for it. */
public class ReservationReleasedException extends RuntimeException {

    public ReservationReleasedException(String detail) {
        super(detail, null, false, false);
    }
}
