package org.shipaudit.model.api;

/** One line of goods in a shipment. */
public record ShipmentItem(
        String sku,
        String description,
        String hsCode,
        String countryOfOrigin,
        Integer quantity,
        Money unitValue,
        Weight weight,
        String packageId,
        DangerousGoods dangerousGoods) {
}
