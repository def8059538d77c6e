package org.shipaudit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a carrier applies a package surcharge, from the surcharge-criteria table: any one threshold exceeded triggers
 * it. The same definition serves the pre-ship prediction and the invoice check.
 */
public final class SurchargeCriteria extends TableRow {

    private final SurchargeKind kind;
    private Double weightOverLb;
    private Double lengthOverIn;
    private Double secondSideOverIn;
    private Double lengthPlusGirthOverIn;
    private Double volumeOverIn3;
    private boolean nonCorrugatedPackaging;
    private Double minimumBillableLb;

    public SurchargeCriteria(String rowName, SurchargeKind kind) {
        super(rowName);
        this.kind = kind;
    }

    public SurchargeKind getKind() {
        return kind;
    }

    public void setWeightOverLb(double v) {
        weightOverLb = v;
    }

    public void setLengthOverIn(double v) {
        lengthOverIn = v;
    }

    public void setSecondSideOverIn(double v) {
        secondSideOverIn = v;
    }

    public void setLengthPlusGirthOverIn(double v) {
        lengthPlusGirthOverIn = v;
    }

    public void setVolumeOverIn3(double v) {
        volumeOverIn3 = v;
    }

    public void setNonCorrugatedPackaging(boolean v) {
        nonCorrugatedPackaging = v;
    }

    public Double getMinimumBillableLb() {
        return minimumBillableLb;
    }

    public void setMinimumBillableLb(double v) {
        minimumBillableLb = v;
    }

    /** The thresholds this package exceeds, in words; empty when the surcharge does not apply. */
    public List<String> reasons(Parcel p) {
        List<String> reasons = new ArrayList<>();
        if (weightOverLb != null && p.isWeightUsable() && p.getWeightLb() > weightOverLb) {
            reasons.add("weight " + fmt(p.getWeightLb()) + " lb over " + fmt(weightOverLb) + " lb");
        }
        if (p.isDimensionsUsable()) {
            if (lengthOverIn != null && p.getLengthIn() > lengthOverIn) {
                reasons.add("longest side " + fmt(p.getLengthIn()) + " in over " + fmt(lengthOverIn) + " in");
            }
            if (secondSideOverIn != null && p.getWidthIn() > secondSideOverIn) {
                reasons.add("second-longest side " + fmt(p.getWidthIn()) + " in over " + fmt(secondSideOverIn) + " in");
            }
            if (lengthPlusGirthOverIn != null && p.getLengthPlusGirthIn() > lengthPlusGirthOverIn) {
                reasons.add("length + girth " + fmt(p.getLengthPlusGirthIn()) + " in over "
                        + fmt(lengthPlusGirthOverIn) + " in");
            }
            if (volumeOverIn3 != null && p.getVolumeIn3() > volumeOverIn3) {
                reasons.add("volume " + fmt(p.getVolumeIn3()) + " in3 over " + fmt(volumeOverIn3) + " in3");
            }
        }
        if (nonCorrugatedPackaging && p.getPackaging() != null && !p.getPackaging().isCorrugated()) {
            reasons.add("packaging " + p.getPackaging() + " is not a corrugated carton");
        }
        return reasons;
    }

    /**
     * The priced accessorial this row's surcharge is on a package it triggers: additional handling by weight when the
     * weight threshold is exceeded, else by dimensions when a side, girth or volume threshold is, else by packaging
     * (the carriers bill only the highest of the three); a large package is one charge.
     */
    public AccessorialCharge chargeFor(Parcel p) {
        if (kind == SurchargeKind.LARGE_PACKAGE) {
            return AccessorialCharge.LARGE_PACKAGE;
        }
        if (weightOverLb != null && p.isWeightUsable() && p.getWeightLb() > weightOverLb) {
            return AccessorialCharge.ADDITIONAL_HANDLING_WEIGHT;
        }
        boolean packagingOnly = nonCorrugatedPackaging && p.getPackaging() != null && !p.getPackaging().isCorrugated();
        List<String> reasons = reasons(p);
        return packagingOnly && reasons.size() == 1 ? AccessorialCharge.ADDITIONAL_HANDLING_PACKAGING
                : AccessorialCharge.ADDITIONAL_HANDLING_DIMENSIONS;
    }

    public boolean triggers(Parcel p) {
        return !reasons(p).isEmpty();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
