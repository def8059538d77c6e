package org.shipaudit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The shipper's contract rate for an invoiced transportation charge: the list rate of the rate sheet for the carrier,
 * service, zone and billed weight in force on the ship date, less the contract discount. Added by the invoice
 * enrichment when a rate sheet is imported for the carrier; scenario files may supply it.
 *
 * @param row             the sheet row of the transportation charge
 * @param weightLb        the rate sheet's weight step the billed weight falls in (whole pounds, rounded up)
 * @param discountPercent e.g. 22.5 for 22.5 % off the list rate
 */
public record ContractRate(long row, String carrier, String service, String zone, int weightLb, BigDecimal listRate,
                           BigDecimal discountPercent, String source) {

    /** The net rate the contract allows, in cents. */
    public BigDecimal expected() {
        BigDecimal factor = BigDecimal.ONE.subtract(discountPercent.movePointLeft(2));
        return listRate.multiply(factor).setScale(2, RoundingMode.HALF_UP);
    }

    /** True when the charge exceeds the contract rate by more than a cent of rounding. */
    public boolean overbilled(ChargeLine freight) {
        return freight.amount() != null
                && freight.amount().subtract(expected()).compareTo(new BigDecimal("0.01")) > 0;
    }
}
