package org.apigate.order.orders.control;

import org.apigate.order.orders.entity.Order;

/** The order an Idempotency-Key stands for, and the fingerprint of the request that first used the key. */
public record KeyedOrder(String fingerprint, Order order) {
}
