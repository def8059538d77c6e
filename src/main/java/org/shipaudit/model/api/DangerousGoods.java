package org.shipaudit.model.api;

/** Dangerous-goods declaration of an item, as the shipper states it; {@code netQuantity} is per unit of the item. */
public record DangerousGoods(
        String unNumber,
        String properShippingName,
        String hazardClass,
        String packingGroup,
        String packingInstruction,
        String section,
        Double wattHours,
        Double lithiumContentGrams,
        NetQuantity netQuantity,
        Boolean limitedQuantity,
        Boolean cargoAircraftOnly) {
}
