package org.shipaudit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A transportation charge set against the carrier's published rate for its service, zone and billed weight in the
 * edition in force on the ship date, with the shipper's contract discount when one is configured. Added by the
 * invoice enrichment; scenario files may supply it. What is owed back:
 * <ul>
 *   <li>With a contract discount: the package's net transportation (freight less its discount lines) above the
 *       published rate less that discount.</li>
 *   <li>Without one, only a gross charge above the published rate says anything, and only the share of the excess
 *       the account paid is claimed: (gross - list) x net / gross, rounded down. Discounts taken as a percentage of
 *       the inflated gross make exactly that the overcharge; a fixed discount makes the overcharge larger, never
 *       smaller, so the claim is never more than is owed.</li>
 * </ul>
 *
 * @param row             the sheet row of the transportation charge
 * @param weightLb        the table's weight step: the billed weight rounded up to the pound
 * @param listRate        the carrier's published rate for the cell (the higher one where two services share our
 *                        service code, e.g. UPS Next Day Air and Next Day Air Early)
 * @param edition         the published table and its effective date, for the evidence
 * @param billedGross     the undiscounted charge: the carrier's published charge where the invoice states it (UPS
 *                        incentive plus net), else the transportation line itself
 * @param billedNet       what the package paid for transportation, its discount lines deducted
 * @param discountPercent the contract discount for the cell (e.g. 38 for 38 %), null when none is configured
 * @param discountSource  where the discount comes from (agreement, table row), null without one
 */
public record PublishedRate(long row, String carrier, String service, String zone, int weightLb, BigDecimal listRate,
                            String edition, BigDecimal billedGross, BigDecimal billedNet, BigDecimal discountPercent,
                            String discountSource) {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** A zone as carriers print it, without leading zeros ("008" is zone 8, "108" stays 108). */
    public static String zone(String zone) {
        String z = zone == null ? "" : zone.trim();
        return z.matches("0+\\d+") ? z.replaceFirst("^0+(?=\\d)", "") : z;
    }

    /** The published rate less the contract discount, to the cent; null without a discount. */
    public BigDecimal contractRate() {
        if (discountPercent == null) {
            return null;
        }
        return listRate.multiply(BigDecimal.ONE.subtract(discountPercent.movePointLeft(2)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** The amount owed back, zero when the charge is within the rate (a cent of rounding allowed). */
    public BigDecimal overcharge() {
        if (billedNet == null || billedNet.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (discountPercent != null) {
            BigDecimal over = billedNet.subtract(contractRate());
            return over.compareTo(CENT) > 0 ? over.setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        }
        BigDecimal gross = billedGross == null ? billedNet : billedGross;
        BigDecimal over = gross.subtract(listRate);
        if (over.compareTo(CENT) <= 0 || gross.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal paidShare = billedNet.min(gross).divide(gross, 10, RoundingMode.DOWN);
        return over.multiply(paidShare).setScale(2, RoundingMode.DOWN);
    }

    public boolean overbilled() {
        return overcharge().signum() > 0;
    }

    /** How the claim was worked out, for the finding's evidence. */
    public String basis() {
        return discountPercent != null ? "net transportation above the published rate less the contract discount"
                : "gross above the published rate, times the share of it paid net";
    }

    /** The finding's message: what was billed, the rate in force and how the claim follows. */
    public String explanation() {
        String cell = carrier + " " + service + " zone " + zone + " at " + weightLb + " lb";
        if (discountPercent != null) {
            return "Transportation billed " + billedNet.setScale(2, RoundingMode.HALF_UP) + " net; the published "
                    + "rate for " + cell + " is " + listRate + " (" + edition + "), less the contract's "
                    + discountPercent.stripTrailingZeros().toPlainString() + " % is " + contractRate();
        }
        return "Transportation billed " + (billedGross == null ? billedNet : billedGross) + " before discounts, above "
                + "the published rate of " + listRate + " for " + cell + " (" + edition + "); the share of the "
                + "excess paid net (" + billedNet.setScale(2, RoundingMode.HALF_UP) + ") is claimed";
    }
}
