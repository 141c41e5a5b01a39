/**
 * Stock per SKU: an operator creates an item or sets its free stock ({@code available}) with one PUT; clients
 * read single items, batches (the gateway's overview) or pages. {@code reserved} is what open reservations hold;
 * only the reservation feature moves stock between the two, through {@link
 * org.apigate.inventory.stock.control.StockLedger}'s conditional updates, so a PUT never touches what is held.
 */
package org.apigate.inventory.stock;
