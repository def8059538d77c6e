package org.shipaudit.model;

/**
 * One lower bound on a package's billable weight (the actual weight rounded up, the dimensional weight, a surcharge's
 * minimum). Billable weight is by definition the largest candidate, so rules only contribute candidates and the
 * audit takes the maximum; no rule depends on another having fired first.
 */
public final class BillableWeightCandidate {

    private final String contextKey;
    private final int parcelIndex;
    private final String packageId;
    private final long pounds;
    private final String basis;

    public BillableWeightCandidate(Parcel parcel, long pounds, String basis) {
        this.contextKey = parcel.getContextKey();
        this.parcelIndex = parcel.getIndex();
        this.packageId = parcel.getId();
        this.pounds = pounds;
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

    public long getPounds() {
        return pounds;
    }

    public String getBasis() {
        return basis;
    }

    /**
     * Orders bounds by weight; equal weights by basis name, so the basis reported for a tie (dimensional equal to
     * actual) does not depend on the order the rules happened to fire in.
     */
    public static final java.util.Comparator<BillableWeightCandidate> HEAVIEST_LAST =
            java.util.Comparator.comparingLong(BillableWeightCandidate::getPounds)
                    .thenComparing(BillableWeightCandidate::getBasis, java.util.Comparator.reverseOrder());
}
