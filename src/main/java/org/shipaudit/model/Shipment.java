package org.shipaudit.model;

import java.time.LocalDate;
import java.util.List;

/** A shipment as submitted for a pre-ship audit (API.md "Shipment"). */
public record Shipment(
        String id,
        LocalDate shipDate,
        String carrier,
        String service,
        Address shipFrom,
        Address shipTo,
        List<ShipmentPackage> packages,
        List<ShipmentItem> items,
        Customs customs,
        Retailer retailer) {

    public Shipment {
        packages = packages == null ? List.of() : List.copyOf(packages);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
