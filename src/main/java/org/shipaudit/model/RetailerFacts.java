package org.shipaudit.model;

import java.util.Locale;
import org.shipaudit.model.api.Retailer;

/** The retailer whose routing guide applies (absent when the shipment names none), normalised for rules. */
public final class RetailerFacts {

    private final Retailer r;

    public RetailerFacts(Retailer retailer) {
        this.r = retailer;
    }

    /** Upper-case name ("AMAZON"), or null when no retailer is named. */
    public String getName() {
        return r == null || r.name() == null || r.name().isBlank() ? null : r.name().trim().toUpperCase(Locale.ROOT);
    }

    public boolean isPoMissing() {
        return r == null || r.poNumber() == null || r.poNumber().isBlank();
    }

    public boolean isAsnMissing() {
        return r == null || r.asnNumber() == null || r.asnNumber().isBlank();
    }
}
