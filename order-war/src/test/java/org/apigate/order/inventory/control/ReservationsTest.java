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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures may have left a reservation behind, and how each is explained to the client. */
class ReservationsTest {

    @Test
    void anOpenCircuitSentNothing() {
        assertFalse(Reservations.mayHaveArrived(new CircuitBreakerOpenException()));
    }

    /** The refusal may concern the client's silent resend of a POST whose first attempt reached inventory. */
    @Test
    void aRefusedConnectionMayHaveReserved() {
        assertTrue(Reservations.mayHaveArrived(new ProcessingException(new ConnectException("Connection refused"))));
    }

    @Test
    void aTimeoutAResetOrAServerErrorMayHaveReserved() {
        assertTrue(Reservations.mayHaveArrived(new TimeoutException()));
        assertTrue(Reservations.mayHaveArrived(new ProcessingException(new SocketTimeoutException("Read timed out"))));
        assertTrue(Reservations.mayHaveArrived(new ProcessingException(new SocketException("Connection reset"))));
        assertTrue(Reservations.mayHaveArrived(new InventoryErrorException(503)));
    }

    /**
     * Payara's {@code @Retry} throws an InterruptedException undeclared when its delay is cut short by the interrupt
     * an earlier {@code @Timeout} left: the release is then still pending (not a 500), and the interrupt is gone.
     */
    @Test
    void anInterruptedReleaseRetryIsUnavailableNotAnError() {
        Reservations reservations = new Reservations();
        InterruptedException interrupted = new InterruptedException("sleep interrupted");
        reservations.calls = new InventoryCalls() {
            @Override
            public void release(String reservationId) {
                ReservationsTest.<RuntimeException>throwUndeclared(interrupted);
            }
        };
        Thread.currentThread().interrupt();

        InventoryUnavailableException thrown = assertThrows(InventoryUnavailableException.class,
                () -> reservations.release("o1"));

        assertTrue(thrown.mayHaveReserved());
        assertEquals("inventory did not answer in time", thrown.getMessage());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @SuppressWarnings("unchecked")
    static <T extends Exception> void throwUndeclared(Exception failure) throws T {
        throw (T) failure;
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
