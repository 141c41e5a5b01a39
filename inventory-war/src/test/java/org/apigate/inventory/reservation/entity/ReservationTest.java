package org.apigate.inventory.reservation.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReservationTest {

    static final ReservationForm FORM = new ReservationForm("r-1",
            List.of(new Line("C", 3), new Line("A", 1), new Line("B", 2)));

    @Test
    void keepsItsLinesInSkuOrderTheOrderStockIsHeldIn() {
        Reservation reservation = Reservation.of(FORM);

        assertEquals(List.of("A", "B", "C"), reservation.lines().stream().map(ReservationLine::sku).toList());
        assertEquals(List.of(new Line("A", 1), new Line("B", 2), new Line("C", 3)), reservation.view().lines());
    }

    @Test
    void holdsStockUntilReleased() {
        Reservation reservation = Reservation.of(FORM);
        ReservationView reserved = reservation.view();

        assertTrue(reservation.holdsStock());
        assertEquals(ReservationStatus.RESERVED, reserved.status());
        assertNull(reserved.shortSkus());
        assertEquals(0, reserved.createdAt().getNano() % 1_000_000, "whole milliseconds, as the database keeps them");

        reservation.release();
        assertFalse(reservation.holdsStock());
        assertEquals(ReservationStatus.RELEASED, reservation.view().status());
    }

    @Test
    void aRejectedReservationNamesItsShortSkusAndHoldsNothing() {
        Reservation reservation = Reservation.of(FORM);

        reservation.reject(List.of("C", "A"));

        assertFalse(reservation.holdsStock());
        assertEquals(ReservationStatus.REJECTED, reservation.view().status());
        assertEquals(List.of("A", "C"), reservation.view().shortSkus());
        assertEquals(3, reservation.view().lines().size());
    }

    @Test
    void aTombstoneIsReleasedWithoutLines() {
        ReservationView tombstone = Reservation.tombstone("gone").view();

        assertEquals("gone", tombstone.id());
        assertEquals(ReservationStatus.RELEASED, tombstone.status());
        assertEquals(List.of(), tombstone.lines());
    }

    @Test
    void comparesLinesInAnyOrder() {
        assertTrue(FORM.hasLines(List.of(new Line("A", 1), new Line("B", 2), new Line("C", 3))));
        assertFalse(FORM.hasLines(List.of(new Line("A", 1), new Line("B", 2), new Line("C", 4))));
        assertFalse(FORM.hasLines(List.of(new Line("A", 1), new Line("B", 2))));
        assertFalse(FORM.hasLines(List.of(new Line("A", 1), new Line("B", 2), new Line("C", 3), new Line("D", 1))));
    }
}
