package org.shipaudit.model;

/** Kinds of packaging named by the contract; carriers surcharge non-corrugated packaging. */
public enum Packaging {
    BOX, ENVELOPE, SOFT_PACK, TUBE, PALLET, CRATE, OTHER;

    /**
     * Whether carriers treat it as a standard carton or mailer. Tubes, crates, pallets and anything else are "not
     * fully encased in corrugated cardboard" and draw additional handling.
     */
    public boolean isCorrugated() {
        return this == BOX || this == ENVELOPE || this == SOFT_PACK;
    }
}
