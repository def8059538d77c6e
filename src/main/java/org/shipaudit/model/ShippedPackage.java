package org.shipaudit.model;

import java.time.LocalDate;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentPackage;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.lookup.ServiceCatalog;

/**
 * A package as the shipper recorded it at shipping, found by its tracking number: from a shipments job or a pre-ship
 * audit that carried the tracking number. The invoice rules compare what the carrier re-billed (a corrected weight,
 * an address correction) with it. Weight is the scale weight when one was recorded, else the declared weight.
 *
 * @param billableWeightLb what the weights pack makes of the recorded weight and dimensions (null until computed,
 *                         or when the carrier's divisor is unknown)
 * @param addressValid     the recorded ship-to address checked against postal data: null when not checked (no
 *                         postal data for the country, or only the bundled sample)
 */
public record ShippedPackage(String trackingNumber, String shipmentId, String packageId, String carrier,
                             String service, LocalDate shipDate, Double weightLb, Double lengthIn, Double widthIn,
                             Double heightIn, String shipToStreet, String shipToCity, String shipToState,
                             String shipToPostalCode, String shipToCountry, String recordedBy,
                             Long billableWeightLb, Boolean addressValid) {

    public ShippedPackage withBillableWeight(Long pounds) {
        return new ShippedPackage(trackingNumber, shipmentId, packageId, carrier, service, shipDate, weightLb, lengthIn,
                widthIn, heightIn, shipToStreet, shipToCity, shipToState, shipToPostalCode, shipToCountry, recordedBy,
                pounds, addressValid);
    }

    public ShippedPackage withAddressValid(Boolean valid) {
        return new ShippedPackage(trackingNumber, shipmentId, packageId, carrier, service, shipDate, weightLb, lengthIn,
                widthIn, heightIn, shipToStreet, shipToCity, shipToState, shipToPostalCode, shipToCountry, recordedBy,
                billableWeightLb, valid);
    }

    /**
     * True when a billed weight is no more than the recorded package's billable weight (the weights pack's result on
     * what the shipper weighed and measured), or when that could not be computed: nothing to dispute then.
     */
    public boolean supportsBilledWeight(Double billedLb) {
        return billableWeightLb == null || billedLb == null || billedLb <= billableWeightLb;
    }

    public boolean dimensionsKnown() {
        return lengthIn != null && widthIn != null && heightIn != null;
    }

    /** The recorded ship-to address on one line, for evidence. */
    public String shipToLine() {
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {shipToStreet, shipToCity, shipToState, shipToPostalCode, shipToCountry}) {
            if (part != null && !part.isBlank()) {
                s.append(s.length() == 0 ? "" : ", ").append(part.trim());
            }
        }
        return s.toString();
    }

    /**
     * The packages of a shipment that carry a tracking number, in pounds and inches, as a shipments job or a pre-ship
     * audit records them.
     */
    public static java.util.List<ShippedPackage> of(Shipment s, String recordedBy) {
        java.util.List<ShippedPackage> out = new java.util.ArrayList<>();
        if (s.packages() == null) {
            return out;
        }
        Address to = s.shipTo();
        for (ShipmentPackage p : s.packages()) {
            if (p.trackingNumber() == null || p.trackingNumber().isBlank()) {
                continue;
            }
            Weight w = p.scaleWeight() != null ? p.scaleWeight() : p.weight();
            Dimensions d = p.dimensions();
            LengthUnit u = d == null || d.unit() == null ? LengthUnit.IN : d.unit();
            out.add(new ShippedPackage(p.trackingNumber().trim(), s.id(), p.id(), s.carrier(),
                    ServiceCatalog.canonical(s.service()), s.shipDate(), w == null ? null : w.pounds(),
                    inches(d == null ? null : d.length(), u), inches(d == null ? null : d.width(), u),
                    inches(d == null ? null : d.height(), u), to == null ? null : to.street1(),
                    to == null ? null : to.city(), to == null ? null : to.state(), to == null ? null : to.postalCode(),
                    to == null ? null : to.country(), recordedBy, null, null));
        }
        return out;
    }

    private static Double inches(Double value, LengthUnit unit) {
        return value == null ? null : unit.toInches(value);
    }
}
