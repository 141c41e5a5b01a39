package org.apigate.order.inventory.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class InventoryResponsesTest {

    @Test
    void aConflictNamingShortSkusIsOutOfStock() {
        RuntimeException e = InventoryResponses.forStatus(409, """
                {"type":"https://apigate.org/problems/out-of-stock","title":"Out of stock","status":409,
                 "detail":"Not enough stock for B, C.","shortSkus":["B","C"]}""");

        assertEquals(List.of("B", "C"), assertInstanceOf(OutOfStockException.class, e).shortSkus());
    }

    @Test
    void aConflictForAReleasedReservationSaysSo() {
        RuntimeException e = InventoryResponses.forStatus(409, """
                {"type":"https://apigate.org/problems/reservation-released","title":"Reservation released",
                 "status":409,"detail":"Reservation o-1 was released."}""");

        assertEquals("Reservation o-1 was released.", assertInstanceOf(ReservationReleasedException.class, e)
                .getMessage());
    }

    @Test
    void anyOtherErrorHasNoBusinessMeaning() {
        assertInstanceOf(InventoryErrorException.class, InventoryResponses.forStatus(409, "{\"title\":\"other\"}"));
        assertInstanceOf(InventoryErrorException.class, InventoryResponses.forStatus(409, "not json"));
        assertInstanceOf(InventoryErrorException.class, InventoryResponses.forStatus(409, "[1]"));
        assertInstanceOf(InventoryErrorException.class, InventoryResponses.forStatus(409, ""));
        assertInstanceOf(InventoryErrorException.class, InventoryResponses.forStatus(409, "{\"shortSkus\":\"B\"}"));
        assertEquals("inventory answered 500", InventoryResponses.forStatus(500, "").getMessage());
        assertInstanceOf(InventoryErrorException.class, InventoryResponses.forStatus(404, ""));
    }
}
