package org.shipaudit.model;

import java.math.BigDecimal;

/**
 * How a carrier bills weight on the audited service, from the dim-divisors table: the dimensional-weight divisor, the
 * volume below which it does not apply (USPS: 1,728 in3), how sides are rounded, and the unit and step billed weights
 * are rounded up to. In pounds (the default) the divisor is cubic inches per pound and the step a whole pound; a row
 * billed in kilograms (DHL Express outside US exports) takes sides in centimetres, a divisor in cm3 per kg (5,000)
 * and its step (0.5 kg).
 */
public final class DimDivisor extends TableRow {

    private static final double CM_PER_IN = 2.54;
    /** A weight converted between units lands a hair above the step it is (2.5000000001 kg): not the next step. */
    private static final double CONVERSION_NOISE = 1e-9;

    private final double divisor;
    private double minimumVolumeIn3;
    private SideRounding sideRounding = SideRounding.NONE;
    private WeightUnit billingUnit = WeightUnit.LB;
    private BigDecimal weightStep = BigDecimal.ONE;

    public DimDivisor(String rowName, double divisor) {
        super(rowName);
        this.divisor = divisor;
    }

    public double getDivisor() {
        return divisor;
    }

    public double getMinimumVolumeIn3() {
        return minimumVolumeIn3;
    }

    public void setMinimumVolumeIn3(double minimumVolumeIn3) {
        this.minimumVolumeIn3 = minimumVolumeIn3;
    }

    public void setSideRounding(SideRounding sideRounding) {
        this.sideRounding = sideRounding;
    }

    public WeightUnit getBillingUnit() {
        return billingUnit;
    }

    /** LB or KG; a blank cell keeps pounds. */
    public void setBillingUnit(WeightUnit billingUnit) {
        if (billingUnit != WeightUnit.LB && billingUnit != WeightUnit.KG) {
            throw new IllegalArgumentException("carriers bill in LB or KG, not " + billingUnit);
        }
        this.billingUnit = billingUnit;
    }

    /** The step billed weights are rounded up to, in the billing unit (0.5); a blank cell keeps 1. */
    public void setWeightStep(double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("a weight step must be positive, not " + step);
        }
        this.weightStep = BigDecimal.valueOf(step);
    }

    /** True when the carrier bills this service in kilograms. */
    public boolean isMetric() {
        return billingUnit == WeightUnit.KG;
    }

    /** Whether the divisor applies to this package at all (it must have usable dimensions above the threshold). */
    public boolean appliesTo(Parcel p) {
        return p.isDimensionsUsable() && roundedVolumeIn3(p) > minimumVolumeIn3;
    }

    /** Dimensional weight in the billing unit: rounded sides multiplied, divided, rounded up to the step. */
    public BigDecimal dimWeight(Parcel p) {
        double raw = isMetric() ? side(p.getLengthIn()) * side(p.getWidthIn()) * side(p.getHeightIn()) / divisor
                : roundedVolumeIn3(p) / divisor;
        return stepUp(raw);
    }

    /** Dimensional weight in whole pounds (what the pound thresholds of WGT-020/021 compare). */
    public long dimWeightLb(Parcel p) {
        return Pounds.roundedUp(billingUnit.toPounds(dimWeight(p).doubleValue()));
    }

    /** A weight in pounds in the billing unit, rounded up to the step: the actual-weight bound of billable weight. */
    public BigDecimal billed(double pounds) {
        return stepUp(inBillingUnit(pounds));
    }

    /** A weight in pounds expressed in the billing unit, unrounded. */
    public double inBillingUnit(double pounds) {
        return isMetric() ? pounds * 0.45359237 : pounds;
    }

    /** "kg" or "lb", as findings write the billing unit. */
    public String getUnitSymbol() {
        return billingUnit.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** "2.5 kg", "56 lb". */
    public String text(BigDecimal weight) {
        return weight.stripTrailingZeros().toPlainString() + " " + getUnitSymbol();
    }

    /** The bound a package's actual weight sets on its billable weight, in this row's unit and step. */
    public BillableWeightCandidate actualWeightBound(Parcel p) {
        return new BillableWeightCandidate(p, billed(p.getWeightLb()), billingUnit, "actual weight");
    }

    /** The bound its dimensional weight sets. */
    public BillableWeightCandidate dimWeightBound(Parcel p) {
        return new BillableWeightCandidate(p, dimWeight(p), billingUnit,
                "dimensional weight (divisor " + BigDecimal.valueOf(divisor).stripTrailingZeros().toPlainString() + ")");
    }

    private BigDecimal stepUp(double value) {
        double steps = Math.ceil(value / weightStep.doubleValue() - CONVERSION_NOISE);
        BigDecimal w = weightStep.multiply(BigDecimal.valueOf((long) steps)).stripTrailingZeros();
        return w.scale() < 0 ? w.setScale(0) : w;
    }

    private double side(double inches) {
        return sideRounding.apply(inches * CM_PER_IN);
    }

    private double roundedVolumeIn3(Parcel p) {
        return sideRounding.apply(p.getLengthIn()) * sideRounding.apply(p.getWidthIn())
                * sideRounding.apply(p.getHeightIn());
    }
}
