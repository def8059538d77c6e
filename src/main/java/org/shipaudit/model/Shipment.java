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
        Retailer retailer,
        List<Party> parties) {

    public Shipment {
        packages = packages == null ? List.of() : List.copyOf(packages);
        items = items == null ? List.of() : List.copyOf(items);
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /** A shipment without further parties to screen (shipFrom and shipTo are always screened). */
    public Shipment(String id, LocalDate shipDate, String carrier, String service, Address shipFrom, Address shipTo,
                    List<ShipmentPackage> packages, List<ShipmentItem> items, Customs customs, Retailer retailer) {
        this(id, shipDate, carrier, service, shipFrom, shipTo, packages, items, customs, retailer, List.of());
    }
}
