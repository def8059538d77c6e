package org.shipaudit.model;

/**
 * What became of one transportation charge in the published-rate check, counted per job so that a check that could
 * not run says why instead of passing for a clean bill: a table of another edition than the ship date's is never
 * used, and a charge it cannot rate is counted here, not claimed.
 */
public enum RateCheck {
    /** Rated against the published table in force on the ship date, at or below it (less the contract discount). */
    WITHIN,
    /** Rated and billed above: RAT-002 raises the finding. */
    ABOVE,
    /** No published rate table is loaded for the carrier. */
    NO_TABLE,
    /** Tables are loaded for the carrier, but no edition was in force on the ship date (earlier or ended). */
    NOT_IN_FORCE,
    /** The line has no ship date and its invoice date does not settle which edition applied. */
    NO_SHIP_DATE,
    /** The edition in force has no rate for the service, zone and weight (international, letters, over 150 lb). */
    NO_RATE,
    /** The line lacks service, zone or billed weight, or its package has several transportation lines. */
    INCOMPLETE
}
