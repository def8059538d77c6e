package org.shipaudit.model.api;

import org.shipaudit.model.Packaging;

/**
 * One package of a shipment as declared; {@code scaleWeight} is what the weigh-in gate measured, if anything.
 * {@code trackingNumber} (an extension of the contract, optional) is known once the label is bought: a shipment
 * audited or uploaded with it is recorded, so the invoice audit can judge the carrier's later corrections.
 */
public record ShipmentPackage(
        String id,
        Weight weight,
        Dimensions dimensions,
        Packaging packaging,
        Weight scaleWeight,
        String sealNumber,
        String trackingNumber) {
}
