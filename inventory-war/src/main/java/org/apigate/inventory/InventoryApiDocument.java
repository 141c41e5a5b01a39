package org.apigate.inventory;

import org.apigate.common.openapi.ServiceApiDocument;
import org.apigate.inventory.reservation.boundary.ReservationsResource;
import org.apigate.inventory.stock.boundary.ItemsResource;

/**
 * The inventory service's {@code /openapi} filter ({@code mp.openapi.filter}): what every service's document shares.
 */
public class InventoryApiDocument extends ServiceApiDocument {

    public InventoryApiDocument() {
        super(ItemsResource.class, ReservationsResource.class);
    }
}
