/**
 * Reservations: stock held for an order until the order is confirmed or given up. A client (order-war's saga)
 * chooses the reservation id, so it can repeat a request after a timeout without holding stock twice.
 * <ul>
 * <li><b>All or nothing.</b> Every line is held, or none: a short line (unknown SKUs count as short) makes the
 * whole reservation REJECTED, and the lines already held are given back in the same transaction. Lines are held
 * in sku order, so concurrent reservations never deadlock, and each hold is a conditional UPDATE, so stock is
 * never oversold.</li>
 * <li><b>Idempotent by id.</b> The id is the table's primary key: of concurrent requests with one new id, one
 * inserts and the others wait for it and then answer its outcome. Repeating an id answers the stored outcome
 * (201 while RESERVED, the same 409 {@code out-of-stock} if REJECTED, 409 {@code reservation-released} once
 * released); the same id with other lines is refused with 422 {@code reservation-id-reused}.</li>
 * <li><b>Release is final and never orphans stock.</b> DELETE gives the held stock back once, however often it is
 * repeated. A DELETE of an id never seen stores a RELEASED tombstone under that id: when a caller gave up on a
 * reservation request (timeout) and compensated with DELETE, the request that is still on its way is refused
 * when it arrives instead of holding stock that nobody would ever release.</li>
 * </ul>
 */
package org.apigate.inventory.reservation;
