package org.shipaudit.reference;

/**
 * What kind of problem or correction an {@link AddressIssue} reports: rules and the audit's enrichment read this,
 * never the message, so rewording a message cannot change a verdict. {@link #isDefinite()} codes make the address
 * invalid.
 */
public enum AddressIssueCode {
    ADDRESS_MISSING(true),
    COUNTRY_MISSING(true),
    COUNTRY_UNKNOWN(true),
    POSTAL_CODE_MISSING(true),
    /** The code is not in postal data that lists every code of the country. */
    POSTAL_CODE_UNKNOWN(true),
    /** The code is not in the loaded data, but that data lists only part of the country's codes: not judged. */
    POSTAL_CODE_NOT_LISTED(false),
    STATE_MISMATCH(true),
    STATE_MISSING(false),
    CITY_MISSING(true),
    CITY_MISMATCH(true),
    /** A near spelling of a place the code serves, corrected in {@code normalized}. */
    CITY_SPELLING_CORRECTED(false),
    /** The English (or other) name of a place the code serves: Munich for München. */
    CITY_EXONYM(false);

    private final boolean definite;

    AddressIssueCode(boolean definite) {
        this.definite = definite;
    }

    /** True when the issue makes the address invalid (not a correction or a note). */
    public boolean isDefinite() {
        return definite;
    }
}
