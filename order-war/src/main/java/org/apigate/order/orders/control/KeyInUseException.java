package org.apigate.order.orders.control;

import jakarta.ejb.ApplicationException;

/**
 * Another request claimed the same Idempotency-Key first (the database's primary key decided). Rolls back this
 * attempt's order row, so of two concurrent requests with one key exactly one order remains.
 */
@ApplicationException(rollback = true)
public class KeyInUseException extends RuntimeException {

    public KeyInUseException(String key) {
        super("Idempotency-Key " + key + " is taken", null, false, false);
    }
}
