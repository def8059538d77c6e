package org.shipaudit.model;

/**
 * A carrier's maximum for a package on the audited service, from the carrier-limits table. A null maximum means the
 * row sets no limit of that kind. When several rows apply, rules judge against the strictest.
 */
public final class CarrierLimit extends TableRow {

    private Double maxWeightLb;
    private Double maxLengthIn;
    private Double maxLengthPlusGirthIn;

    public CarrierLimit(String rowName) {
        super(rowName);
    }

    public Double getMaxWeightLb() {
        return maxWeightLb;
    }

    public void setMaxWeightLb(double maxWeightLb) {
        this.maxWeightLb = maxWeightLb;
    }

    public Double getMaxLengthIn() {
        return maxLengthIn;
    }

    public void setMaxLengthIn(double maxLengthIn) {
        this.maxLengthIn = maxLengthIn;
    }

    public Double getMaxLengthPlusGirthIn() {
        return maxLengthPlusGirthIn;
    }

    public void setMaxLengthPlusGirthIn(double maxLengthPlusGirthIn) {
        this.maxLengthPlusGirthIn = maxLengthPlusGirthIn;
    }
}
