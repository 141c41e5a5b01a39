package org.apigate.common.validation;

/** A request line naming one stock-keeping unit: an order line, a reservation line. */
public interface SkuLine {

    String sku();
}
