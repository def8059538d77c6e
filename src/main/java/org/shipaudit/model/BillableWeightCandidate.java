package org.shipaudit.model;

import java.math.BigDecimal;

/**
 * One lower bound on a package's billable weight (the actual weight rounded up, the dimensional weight, a surcharge's
 * minimum), in the unit the carrier bills in (pounds, or kilograms in half-kilogram steps for DHL Express outside US
 * exports). Billable weight is by definition the largest candidate, so rules only contribute candidates and the
 * audit takes the maximum; no rule depends on another having fired first.
 */
public final class BillableWeightCandidate {

    private final String contextKey;
    private final int parcelIndex;
    private final String packageId;
    private final BigDecimal value;
    private final WeightUnit unit;
    private final String basis;

    /** A bound in whole pounds. */
    public BillableWeightCandidate(Parcel parcel, long pounds, String basis) {
        this(parcel, BigDecimal.valueOf(pounds), WeightUnit.LB, basis);
    }

    public BillableWeightCandidate(Parcel parcel, BigDecimal value, WeightUnit unit, String basis) {
        this.contextKey = parcel.getContextKey();
        this.parcelIndex = parcel.getIndex();
        this.packageId = parcel.getId();
        this.value = value;
        this.unit = unit;
        this.basis = basis;
    }

    public String getContextKey() {
        return contextKey;
    }

    public int getParcelIndex() {
        return parcelIndex;
    }

    public String getPackageId() {
        return packageId;
    }

    /** The bound in {@link #getUnit}. */
    public BigDecimal getValue() {
        return value;
    }

    public WeightUnit getUnit() {
        return unit;
    }

    /** The bound in whole pounds (a kilogram bound rounded up): what rates in pounds are looked up by. */
    public long getPounds() {
        return unit == WeightUnit.LB ? value.longValue() : Pounds.roundedUp(unit.toPounds(value.doubleValue()));
    }

    public String getBasis() {
        return basis;
    }

    /**
     * Orders bounds by weight; equal weights by basis name, so the basis reported for a tie (dimensional equal to
     * actual) does not depend on the order the rules happened to fire in.
     */
    public static final java.util.Comparator<BillableWeightCandidate> HEAVIEST_LAST =
            java.util.Comparator.comparingDouble((BillableWeightCandidate c) -> c.unit.toPounds(c.value.doubleValue()))
                    .thenComparing(BillableWeightCandidate::getBasis, java.util.Comparator.reverseOrder());
}
