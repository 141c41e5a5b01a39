package org.apigate.order.inventory.control;

import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures may have left a reservation behind, and how each is explained to the client. */
class ReservationsTest {

    @Test
    void aRefusedConnectionOrAnOpenCircuitSentNothing() {
        assertFalse(Reservations.mayHaveArrived(new ProcessingException(new ConnectException("Connection refused"))));
        assertFalse(Reservations.mayHaveArrived(new CircuitBreakerOpenException()));
    }

    @Test
    void aTimeoutAResetOrAServerErrorMayHaveReserved() {
        assertTrue(Reservations.mayHaveArrived(new TimeoutException()));
        assertTrue(Reservations.mayHaveArrived(new ProcessingException(new SocketTimeoutException("Read timed out"))));
        assertTrue(Reservations.mayHaveArrived(new ProcessingException(new SocketException("Connection reset"))));
        assertTrue(Reservations.mayHaveArrived(new InventoryErrorException(503)));
    }

    @Test
    void explainsEachFailureWithoutInternals() {
        assertEquals("inventory refused the connection",
                Reservations.describe(new ProcessingException(new ConnectException("Connection refused"))));
        assertEquals("inventory did not answer in time", Reservations.describe(new TimeoutException()));
        assertEquals("inventory did not answer in time",
                Reservations.describe(new ProcessingException(new SocketTimeoutException("Read timed out"))));
        assertEquals("calls to inventory are paused after repeated failures",
                Reservations.describe(new CircuitBreakerOpenException()));
        assertEquals("inventory answered 502", Reservations.describe(new InventoryErrorException(502)));
        assertEquals("inventory could not be reached",
                Reservations.describe(new ProcessingException(new SocketException("Connection reset"))));
    }
}
