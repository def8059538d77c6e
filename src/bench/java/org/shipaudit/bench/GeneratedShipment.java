package org.shipaudit.bench;

import org.shipaudit.model.api.Shipment;

/** A generated shipment and the mistake planted in it, or null when it was generated clean. */
public record GeneratedShipment(Shipment shipment, Mistake mistake) {
}
