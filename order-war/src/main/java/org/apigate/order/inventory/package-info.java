/**
 * The order service's side of inventory-war: reserving stock for an order (the reservation id is the order id) and
 * releasing it. The REST client is guarded with MicroProfile Fault Tolerance; its failures reach the order saga as
 * {@link org.apigate.order.inventory.control.OutOfStockException} (inventory said no) or
 * {@link org.apigate.order.inventory.control.InventoryUnavailableException} (no usable answer).
 */
package org.apigate.order.inventory;
