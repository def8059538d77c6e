package org.shipaudit.model;

/** Dangerous-goods declaration of an item, as the shipper states it. */
public record DangerousGoods(
        String unNumber,
        String properShippingName,
        String hazardClass,
        String packingGroup,
        String packingInstruction,
        String section,
        Double wattHours,
        Double lithiumContentGrams,
        Weight netQuantity,
        Boolean limitedQuantity,
        Boolean cargoAircraftOnly) {
}
