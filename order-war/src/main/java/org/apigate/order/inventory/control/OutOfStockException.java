package org.apigate.order.inventory.control;

import java.util.List;

/** Inventory refused the reservation because these SKUs are short; it reserved nothing. */
public class OutOfStockException extends RuntimeException {

    private final List<String> shortSkus;

    public OutOfStockException(List<String> shortSkus) {
        super("Short SKUs: " + shortSkus, null, false, false);
        this.shortSkus = List.copyOf(shortSkus);
    }

    public List<String> shortSkus() {
        return shortSkus;
    }
}
