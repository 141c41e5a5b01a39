package org.apigate.order.orders.entity;

import jakarta.persistence.Embeddable;

/** A stored order line; {@link Line} is its API form. */
@Embeddable
public class OrderLine {

    private String sku;
    private int quantity;

    protected OrderLine() {
        // for JPA
    }

    OrderLine(Line line) {
        this.sku = line.sku();
        this.quantity = line.quantity();
    }

    Line line() {
        return new Line(sku, quantity);
    }
}
