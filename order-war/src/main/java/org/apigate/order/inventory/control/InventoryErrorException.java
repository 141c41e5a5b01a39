package org.apigate.order.inventory.control;

/** Inventory answered with an error status the saga has no business meaning for (a 5xx, or a 4xx it did not expect). */
public class InventoryErrorException extends RuntimeException {

    public InventoryErrorException(int status) {
        super("inventory answered " + status, null, false, false);
    }
}
