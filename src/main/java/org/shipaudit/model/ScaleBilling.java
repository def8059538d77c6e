package org.shipaudit.model;

import java.math.BigDecimal;

/**
 * What the carrier will bill a weighed package by, computed twice by the pack that defines billable weight (the
 * weights pack: actual weight rounded to the carrier's step, dimensional weight, surcharge minimums): once from the
 * declared weight, once from the scale weight. A heavier scale weight costs money only when it changes this billable
 * weight; when dimensional weight governs both, nothing is re-billed. Added by the pre-ship audit for packages with a
 * scale weight; scenario files may supply it ({@code type: ScaleBilling}).
 *
 * @param unit "LB" or "KG", the unit the carrier bills in
 */
public record ScaleBilling(int parcelIndex, BigDecimal declaredBillable, String declaredBasis,
                           BigDecimal scaleBillable, String scaleBasis, String unit) {

    /** True when the scale weight makes the carrier bill more than the declared weight would have. */
    public boolean isScaleBillsMore() {
        return scaleBillable.compareTo(declaredBillable) > 0;
    }

    /** "28 lb (dimensional weight (divisor 139))". */
    public String describeDeclared() {
        return describe(declaredBillable, declaredBasis);
    }

    public String describeScale() {
        return describe(scaleBillable, scaleBasis);
    }

    private String describe(BigDecimal value, String basis) {
        return value.stripTrailingZeros().toPlainString() + " " + unit.toLowerCase(java.util.Locale.ROOT)
                + " (" + basis + ")";
    }
}
