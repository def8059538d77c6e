package org.shipaudit.model;

/**
 * What an invoice charge is for, normalised from the carriers' own codes and descriptions. The names match the
 * generic profile's wide-layout columns (API.md), plus kinds that matter for disputes: duties and taxes are not
 * transportation, adjustments and returns are not duplicates.
 */
public enum ChargeType {
    FREIGHT,
    FUEL_SURCHARGE,
    RESIDENTIAL_SURCHARGE,
    DELIVERY_AREA_SURCHARGE,
    ADDITIONAL_HANDLING,
    LARGE_PACKAGE,
    ADDRESS_CORRECTION,
    SATURDAY_DELIVERY,
    DUTY_TAX,
    ADJUSTMENT,
    RETURN,
    OTHER_CHARGES;

    /** Transportation charges are what a late guaranteed delivery refunds and what a duplicate bills twice. */
    public boolean isTransportation() {
        return this == FREIGHT;
    }
}
