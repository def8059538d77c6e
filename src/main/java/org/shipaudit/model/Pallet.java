package org.shipaudit.model;

import org.shipaudit.model.api.Dimensions;

/**
 * A package declared as a PALLET, with its footprint (longer and shorter side of length x width, in inches) and its
 * height as declared: unlike {@link Parcel}, whose sides are sorted, a pallet's height is the declared height.
 */
public final class Pallet {

    private final int index;
    private final String id;
    private final Double footprintLongIn;
    private final Double footprintShortIn;
    private final Double heightIn;

    public Pallet(int index, String id, Dimensions d) {
        this.index = index;
        this.id = id;
        boolean ok = d != null && d.length() != null && d.width() != null && d.height() != null && d.unit() != null;
        double l = ok ? d.unit().toInches(d.length()) : 0;
        double w = ok ? d.unit().toInches(d.width()) : 0;
        this.footprintLongIn = ok ? Math.max(l, w) : null;
        this.footprintShortIn = ok ? Math.min(l, w) : null;
        this.heightIn = ok ? d.unit().toInches(d.height()) : null;
    }

    public int getIndex() {
        return index;
    }

    public String getId() {
        return id;
    }

    public String getSubject() {
        return "packages[" + index + "]";
    }

    public Double getFootprintLongIn() {
        return footprintLongIn;
    }

    public Double getFootprintShortIn() {
        return footprintShortIn;
    }

    public Double getHeightIn() {
        return heightIn;
    }

    public boolean isDimensionsKnown() {
        return heightIn != null;
    }

    /** Within half an inch of the given footprint, either way round. */
    public boolean footprintIs(double longIn, double shortIn) {
        return footprintLongIn != null && Math.abs(footprintLongIn - Math.max(longIn, shortIn)) <= 0.5
                && Math.abs(footprintShortIn - Math.min(longIn, shortIn)) <= 0.5;
    }
}
