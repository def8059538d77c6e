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
    /** A negative line that lowers the package's price (earned discount, performance pricing, incentive). */
    DISCOUNT,
    /** A charge that cancels an earlier one ("Void ..."); a void is never a second bill. */
    VOID,
    DECLARED_VALUE,
    SIGNATURE,
    /** Peak, demand and surge surcharges. */
    DEMAND_SURCHARGE,
    /** Account-level fees: service charges, payment processing, paper invoices, weekly pickup. */
    SERVICE_FEE,
    /** Named by the taxonomy as a charge of no category above (third-party billing, reroute...). */
    OTHER_CHARGES;

    /** Transportation charges are what a late guaranteed delivery refunds and what a duplicate bills twice. */
    public boolean isTransportation() {
        return this == FREIGHT;
    }
}
