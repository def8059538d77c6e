package org.shipaudit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A transportation charge whose billed zone is not the one the carrier's zone chart in force on the ship date gives
 * for its service, origin and destination ZIP codes. Added by the invoice enrichment; scenario files may supply it.
 * The money at stake is the difference between the carrier's published rates at the two zones for the billed weight,
 * known only when a published rate table is loaded for the ship date: with the shipper's contract discount for the
 * cell, that difference less the discount; without one, the share of it the account paid net (as RAT-002 works it
 * out), so the claim is never more than is owed. A zone billed below the chart claims nothing.
 *
 * @param chartZones   the zone (or zones, for a service billed under two series) the chart gives, joined by "/"
 * @param chart        the chart and its dates, for the evidence
 * @param billedRate   the published rate at the billed zone, null without a rate table or cell
 * @param chartRate    the published rate at the chart's zone, null likewise (or when the chart gives two zones)
 * @param rateEdition  the rate table the two rates come from, null without one
 * @param billedNet    what the package paid for transportation, its discount lines deducted
 */
public record ZoneCheck(long row, String carrier, String service, String origin, String destination,
                        String billedZone, String chartZones, String chart, int weightLb, BigDecimal billedRate,
                        BigDecimal chartRate, String rateEdition, BigDecimal billedGross, BigDecimal billedNet,
                        BigDecimal discountPercent) {

    /** True when the billed zone (leading zeros ignored) is none of the chart's. */
    public boolean differs() {
        String billed = billedZone == null ? "" : billedZone.trim().replaceFirst("^0+(?=\\d)", "");
        return !java.util.Arrays.asList(chartZones == null ? new String[0] : chartZones.split("/")).contains(billed);
    }

    /** True when both rates are known, so the zone's cost can be stated. */
    public boolean rated() {
        return billedRate != null && chartRate != null;
    }

    /** The amount owed back for the wrong zone: zero when unrated, billed at or below the chart's zone's rate. */
    public BigDecimal overcharge() {
        if (!rated() || billedNet == null || billedNet.signum() <= 0 || billedRate.compareTo(chartRate) <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal diff = billedRate.subtract(chartRate);
        BigDecimal owed;
        if (discountPercent != null) {
            owed = diff.multiply(BigDecimal.ONE.subtract(discountPercent.movePointLeft(2)));
        } else {
            BigDecimal gross = billedGross == null || billedGross.signum() <= 0 ? billedNet : billedGross;
            owed = diff.multiply(billedNet.min(gross)).divide(gross, 10, RoundingMode.DOWN);
        }
        return owed.min(billedNet).setScale(2, RoundingMode.DOWN);
    }

    /** The finding's message: the zone billed, the chart's, and what it costs. */
    public String explanation() {
        String base = carrier + " " + service + " from " + origin + " to " + destination + " billed at zone "
                + billedZone + "; the zone chart in force (" + chart + ") gives zone " + chartZones;
        if (!rated()) {
            return base + " (no published rate table loaded for the ship date to price the difference)";
        }
        return base + ": at " + weightLb + " lb the published rate is " + billedRate + " at zone " + billedZone
                + " against " + chartRate + " (" + rateEdition + ")";
    }
}
