package org.shipaudit.model;

/** Kinds of packaging named by the contract; carriers surcharge non-corrugated packaging. */
public enum Packaging {
    BOX, ENVELOPE, SOFT_PACK, TUBE, PALLET, CRATE, OTHER
}
