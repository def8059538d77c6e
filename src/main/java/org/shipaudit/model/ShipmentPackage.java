package org.shipaudit.model;

/** One package of a shipment as declared; {@code scaleWeight} is what the weigh-in gate measured, if anything. */
public record ShipmentPackage(
        String id,
        Weight weight,
        Dimensions dimensions,
        Packaging packaging,
        Weight scaleWeight,
        String sealNumber) {
}
