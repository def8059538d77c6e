package org.shipaudit.model.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A shipment as submitted for a pre-ship audit (API.md "Shipment").
 *
 * @param zone the carrier's rating zone between the two addresses ("5"; UPS air zones such as "105" too), as the
 *             carrier's rating answer or zone chart gives it; null when not known. Zone-tiered surcharges (additional
 *             handling, large package) are priced only with it.
 */
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
        List<Party> parties,
        String zone) {

    public Shipment {
        packages = packages == null ? List.of() : List.copyOf(packages);
        items = items == null ? List.of() : List.copyOf(items);
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /** A shipment without a rating zone. */
    public Shipment(String id, LocalDate shipDate, String carrier, String service, Address shipFrom, Address shipTo,
                    List<ShipmentPackage> packages, List<ShipmentItem> items, Customs customs, Retailer retailer,
                    List<Party> parties) {
        this(id, shipDate, carrier, service, shipFrom, shipTo, packages, items, customs, retailer, parties, null);
    }

    /** A shipment without further parties to screen (shipFrom and shipTo are always screened). */
    public Shipment(String id, LocalDate shipDate, String carrier, String service, Address shipFrom, Address shipTo,
                    List<ShipmentPackage> packages, List<ShipmentItem> items, Customs customs, Retailer retailer) {
        this(id, shipDate, carrier, service, shipFrom, shipTo, packages, items, customs, retailer, List.of(), null);
    }
}
