package org.apigate.order;

import org.apigate.common.openapi.ServiceApiDocument;
import org.apigate.order.orders.boundary.OrdersResource;

/** The order service's {@code /openapi} filter ({@code mp.openapi.filter}): what every service's document shares. */
public class OrderApiDocument extends ServiceApiDocument {

    public OrderApiDocument() {
        super(OrdersResource.class);
    }
}
