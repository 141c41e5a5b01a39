/**
 * Resilience of the whole system, measured from outside: the real WARs on their own Payara Micro processes, two
 * order-war instances behind the gateway on one PostgreSQL database, and orders placed by many clients at once.
 * <ul>
 * <li><b>No oversell under concurrency.</b> 200 clients buy one SKU with stock 50 at the same moment, through the
 * gateway: exactly 50 are confirmed, the others refused with 409, nobody waits for ever, stock never goes below
 * zero, and what every client was told is what the order and inventory services hold afterwards.</li>
 * <li><b>Nothing orphaned by a crash.</b> Inventory killed ({@code kill -9}) in the middle of an order load and
 * started again: once compensation has run, every confirmed order has its reservation and every reservation its
 * confirmed order, and the stock adds up.</li>
 * <li><b>Losing one instance costs nothing.</b> An order instance killed before a burst: the same 50 of 200.
 * One killed during a burst of 200 keyed orders: every client that got a 502/503 repeats its request with its key
 * and gets its one order, never a second. One of two user instances (on one PostgreSQL database) killed under a
 * GET load: no request sent after the kill fails. The gateway never ejects the survivor.</li>
 * <li><b>Nothing lost by a restart.</b> Every service stopped (killed or shut down) and started again: users,
 * items, orders and reservations are exactly what they were.</li>
 * </ul>
 * The test talks only HTTP; it reads the services' own list endpoints to audit their records, never their databases.
 */
package org.apigate.system.resilience;
