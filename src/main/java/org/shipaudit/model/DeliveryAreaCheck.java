package org.shipaudit.model;

/**
 * Whether the destination ZIP code of an invoiced delivery-area surcharge is on the carrier's published delivery-area
 * list for the ship year. Added by the invoice enrichment only when that carrier's list for that year is loaded (a
 * missing list proves nothing); scenario files may supply it.
 *
 * @param row      the sheet row of the surcharge
 * @param listed   true when the ZIP code is on the list
 * @param areaType the list's classification when listed (e.g. DAS, EXTENDED, REMOTE), else empty
 * @param source   the imported list's edition, for the finding's evidence
 */
public record DeliveryAreaCheck(long row, String carrier, int year, String postalCode, boolean listed,
                                String areaType, String source) {
}
