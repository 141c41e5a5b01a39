/**
 * Orders: placing one (a saga across user-war and inventory-war, made safe to retry by the Idempotency-Key header),
 * reading them, and cancelling a confirmed one. The order row is written PENDING in its own transaction before
 * inventory is asked, the reservation id is the order id, and every way the saga can end leaves the order in a final
 * state: CONFIRMED, REJECTED (out of stock), or FAILED (inventory unavailable; kept for audit, with a release still
 * pending when a reservation may exist, which a timer retries until inventory confirms it).
 */
package org.apigate.order.orders;
