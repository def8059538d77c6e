package org.shipaudit.model;

import java.util.List;

/** A surcharge the carrier is expected to bill on one package, derived by the weights pack. */
public final class SurchargePrediction {

    private final String contextKey;
    private final int parcelIndex;
    private final SurchargeKind kind;
    private final List<String> reasons;
    private final Double minimumBillableLb;

    public SurchargePrediction(Parcel parcel, SurchargeCriteria criteria) {
        this.contextKey = parcel.getContextKey();
        this.parcelIndex = parcel.getIndex();
        this.kind = criteria.getKind();
        this.reasons = List.copyOf(criteria.reasons(parcel));
        this.minimumBillableLb = criteria.getMinimumBillableLb();
    }

    public String getContextKey() {
        return contextKey;
    }

    public int getParcelIndex() {
        return parcelIndex;
    }

    public SurchargeKind getKind() {
        return kind;
    }

    public List<String> getReasons() {
        return reasons;
    }

    public Double getMinimumBillableLb() {
        return minimumBillableLb;
    }
}
