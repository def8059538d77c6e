package org.shipaudit.model;

import java.util.Arrays;
import org.shipaudit.model.api.Dimensions;

/**
 * One package normalised for rules: weights in pounds, dimensions in inches sorted longest first, and the derived
 * measures carriers bill by. Declared values are kept as given (possibly null, zero or negative) so that data rules
 * can report them; derived measures are null when their inputs are unusable.
 */
public final class Parcel {

    private final String contextKey;
    private final int index;
    private final String id;
    private final Packaging packaging;
    private final Double weightLb;
    private final Double scaleWeightLb;
    private final Double itemsWeightLb;
    private final boolean dimensionsDeclared;
    private final double[] sidesIn;

    public Parcel(int index, String id, Packaging packaging, Double weightLb, Double scaleWeightLb,
                  Double itemsWeightLb, Dimensions dimensions) {
        this("", index, id, packaging, weightLb, scaleWeightLb, itemsWeightLb, dimensions);
    }

    /**
     * @param contextKey the key of the shipment's {@link AuditContext} ({@link AuditContext#getKey()})
     */
    public Parcel(String contextKey, int index, String id, Packaging packaging, Double weightLb, Double scaleWeightLb,
                  Double itemsWeightLb, Dimensions dimensions) {
        this.contextKey = contextKey == null ? "" : contextKey;
        this.index = index;
        this.id = id;
        this.packaging = packaging;
        this.weightLb = weightLb;
        this.scaleWeightLb = scaleWeightLb;
        this.itemsWeightLb = itemsWeightLb;
        this.dimensionsDeclared = dimensions != null && dimensions.length() != null && dimensions.width() != null
                && dimensions.height() != null && dimensions.unit() != null;
        if (dimensionsDeclared) {
            double[] sides = {
                dimensions.unit().toInches(dimensions.length()),
                dimensions.unit().toInches(dimensions.width()),
                dimensions.unit().toInches(dimensions.height())
            };
            Arrays.sort(sides);
            this.sidesIn = new double[] {sides[2], sides[1], sides[0]};
        } else {
            this.sidesIn = null;
        }
    }

    private Parcel(Parcel p, Double scaleWeightLb) {
        this.contextKey = p.contextKey;
        this.index = p.index;
        this.id = p.id;
        this.packaging = p.packaging;
        this.weightLb = p.weightLb;
        this.scaleWeightLb = scaleWeightLb;
        this.itemsWeightLb = p.itemsWeightLb;
        this.dimensionsDeclared = p.dimensionsDeclared;
        this.sidesIn = p.sidesIn;
    }

    /** The same package as declared, before the weigh-in: what the carrier would bill had no scale weighed it. */
    public Parcel withoutScaleWeight() {
        return new Parcel(this, null);
    }

    /** True when a scale weight was measured (positive): the weight the rules use is the scale's. */
    public boolean isScaleWeighed() {
        return scaleWeightLb != null && scaleWeightLb > 0;
    }

    public String getContextKey() {
        return contextKey;
    }

    public int getIndex() {
        return index;
    }

    public String getId() {
        return id;
    }

    /** Where this package is in the input, e.g. {@code packages[0]}. */
    public String getSubject() {
        return "packages[" + index + "]";
    }

    public Packaging getPackaging() {
        return packaging;
    }

    /**
     * The weight the carrier will bill and limit by, in pounds: the weigh-in gate's scale weight when one was
     * measured (positive), else the declared weight; null when neither is known.
     */
    public Double getWeightLb() {
        return scaleWeightLb != null && scaleWeightLb > 0 ? scaleWeightLb : weightLb;
    }

    /**
     * The weight the rules use ({@link #getWeightLb}: the scale's when weighed) rounded up to the next whole pound
     * ({@link Pounds#roundedUp}); null without a weight.
     */
    public Long getWeightRoundedUpLb() {
        Double w = getWeightLb();
        return w == null ? null : Pounds.roundedUp(w);
    }

    /** Declared weight in pounds, as given (possibly zero or negative), or null when not declared. */
    public Double getDeclaredWeightLb() {
        return weightLb;
    }

    /** No weight declared (whatever the scale says: the label needs one). */
    public boolean isWeightMissing() {
        return weightLb == null;
    }

    /** The weight the rules use ({@link #getWeightLb}) is known and positive. */
    public boolean isWeightUsable() {
        Double w = getWeightLb();
        return w != null && w > 0;
    }

    /** The declared weight is known and positive. */
    public boolean isDeclaredWeightUsable() {
        return weightLb != null && weightLb > 0;
    }

    public Double getScaleWeightLb() {
        return scaleWeightLb;
    }

    /** Total weight of the items packed in this package (unit weight times quantity), or null if unknown. */
    public Double getItemsWeightLb() {
        return itemsWeightLb;
    }

    public boolean isDimensionsMissing() {
        return !dimensionsDeclared;
    }

    /** True when all three sides are declared and positive. */
    public boolean isDimensionsUsable() {
        return dimensionsDeclared && sidesIn[2] > 0;
    }

    public boolean isAnyDimensionNonPositive() {
        return dimensionsDeclared && sidesIn[2] <= 0;
    }

    /** Longest side in inches (the carriers' "length"), or null. */
    public Double getLengthIn() {
        return isDimensionsUsable() ? sidesIn[0] : null;
    }

    /** Second-longest side in inches, or null. */
    public Double getWidthIn() {
        return isDimensionsUsable() ? sidesIn[1] : null;
    }

    /** Shortest side in inches, or null. */
    public Double getHeightIn() {
        return isDimensionsUsable() ? sidesIn[2] : null;
    }

    /** Length + 2 x width + 2 x height, in inches (UPS weight_size page), or null. */
    public Double getLengthPlusGirthIn() {
        return isDimensionsUsable() ? sidesIn[0] + 2 * sidesIn[1] + 2 * sidesIn[2] : null;
    }

    /** Cubic inches, or null. */
    public Double getVolumeIn3() {
        return isDimensionsUsable() ? sidesIn[0] * sidesIn[1] * sidesIn[2] : null;
    }

    @Override
    public String toString() {
        return "Parcel[" + getSubject() + " " + getWeightLb() + " lb " + Arrays.toString(sidesIn) + "]";
    }
}
