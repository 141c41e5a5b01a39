package org.apigate.inventory.reservation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stored line: what was asked for, and whether it was short when the reservation was rejected. */
@Embeddable
public class ReservationLine {

    private String sku;
    private int quantity;
    @Column(name = "short_of_stock")
    private boolean shortOfStock;

    protected ReservationLine() {
        // for JPA
    }

    ReservationLine(Line line) {
        this.sku = line.sku();
        this.quantity = line.quantity();
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }

    boolean isShort() {
        return shortOfStock;
    }

    void markShort() {
        this.shortOfStock = true;
    }

    Line view() {
        return new Line(sku, quantity);
    }
}
