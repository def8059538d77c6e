package org.shipaudit.model;

/**
 * The dimensional-weight divisor (cubic inches per pound) a carrier applies on the audited service, from the
 * dim-divisors table, with the volume below which it does not apply (USPS: 1,728 in3) and how sides are rounded.
 */
public final class DimDivisor extends TableRow {

    private final double divisor;
    private double minimumVolumeIn3;
    private SideRounding sideRounding = SideRounding.NONE;

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

    /** Whether the divisor applies to this package at all (it must have usable dimensions above the threshold). */
    public boolean appliesTo(Parcel p) {
        return p.isDimensionsUsable() && roundedVolume(p) > minimumVolumeIn3;
    }

    /** Dimensional weight in whole pounds: rounded sides multiplied, divided, rounded up to the next pound. */
    public long dimWeightLb(Parcel p) {
        return Pounds.roundedUp(roundedVolume(p) / divisor);
    }

    private double roundedVolume(Parcel p) {
        return sideRounding.apply(p.getLengthIn()) * sideRounding.apply(p.getWidthIn())
                * sideRounding.apply(p.getHeightIn());
    }
}
