package org.shipaudit.model;

import java.time.LocalDate;
import org.shipaudit.model.lookup.ServiceCatalog;

/**
 * The shipment-level facts every rule may need: who carries it, how, between which countries, and the business date
 * that effective-dated rules and table rows are judged against (the ship date, never the clock).
 */
public final class AuditContext {

    private final String shipmentId;
    private final LocalDate businessDate;
    private final String carrier;
    private final String service;
    private final TransportMode mode;
    private final String originCountry;
    private final String destinationCountry;

    public AuditContext(String shipmentId, LocalDate businessDate, String carrier, String service,
                        String originCountry, String destinationCountry) {
        this.shipmentId = shipmentId;
        this.businessDate = businessDate;
        this.carrier = carrier;
        this.service = service;
        this.mode = ServiceCatalog.mode(service);
        this.originCountry = originCountry;
        this.destinationCountry = destinationCountry;
    }

    public String getShipmentId() {
        return shipmentId;
    }

    /**
     * What the facts of this shipment (or invoiced package) are keyed by, so one session can judge many: table rows
     * and derived facts carry it, and rules join on it.
     */
    public String getKey() {
        return shipmentId == null ? "" : shipmentId;
    }

    public LocalDate getBusinessDate() {
        return businessDate;
    }

    public String getCarrier() {
        return carrier;
    }

    public String getService() {
        return service;
    }

    public TransportMode getMode() {
        return mode;
    }

    public String getOriginCountry() {
        return originCountry;
    }

    public String getDestinationCountry() {
        return destinationCountry;
    }

    /** Both ends in the same country; unknown countries count as domestic so international-only rules stay quiet. */
    public boolean isDomestic() {
        return originCountry == null || destinationCountry == null || originCountry.equals(destinationCountry);
    }

    public boolean isInternational() {
        return !isDomestic();
    }

    /** True when the business date is on or after an ISO date; used by effective-dated table rows. */
    public boolean onOrAfter(String isoDate) {
        return !businessDate.isBefore(TableDates.parse(isoDate));
    }

    /** True when the business date is on or before an ISO date (inclusive end of validity). */
    public boolean onOrBefore(String isoDate) {
        return !businessDate.isAfter(TableDates.parse(isoDate));
    }

    @Override
    public String toString() {
        return "AuditContext[" + shipmentId + " " + carrier + " " + service + " " + businessDate + "]";
    }
}
