package org.apigate.inventory.stock.control;

import org.apigate.inventory.stock.entity.ItemView;

/** The item after a PUT, and whether the PUT created it (201) or set an existing one (200). */
public record StockUpdate(ItemView item, boolean created) {
}
