package org.apigate.order.inventory.control;

/**
 * No usable answer from inventory: refused, timed out, circuit open or a server error. {@link #mayHaveReserved()}
 * tells whether the request could have reached inventory and reserved stock anyway (a timeout or a 5xx), so the
 * saga knows whether it must release.
 */
public class InventoryUnavailableException extends RuntimeException {

    private final boolean mayHaveReserved;

    public InventoryUnavailableException(String message, boolean mayHaveReserved, Throwable cause) {
        super(message, cause);
        this.mayHaveReserved = mayHaveReserved;
    }

    public boolean mayHaveReserved() {
        return mayHaveReserved;
    }
}
