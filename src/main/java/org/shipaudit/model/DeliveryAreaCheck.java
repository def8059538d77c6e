package org.shipaudit.model;

/**
 * Whether the destination ZIP code of an invoiced delivery-area surcharge is on the carrier's published delivery-area
 * list in force on the ship date. Added by the invoice enrichment only when a list of that carrier is in force (a
 * missing list proves nothing); scenario files may supply it.
 *
 * @param row      the sheet row of the surcharge
 * @param listed   true when the ZIP code is on the list
 * @param areaType the ZIP code's tier when listed (DAS, EXTENDED, REMOTE, ALASKA, HAWAII, INTRA_HAWAII: the
 *                 carriers' labels mapped to one set of names), else empty
 * @param year     the year the list took effect
 * @param source   the imported list's edition, for the finding's evidence
 */
public record DeliveryAreaCheck(long row, String carrier, int year, String postalCode, boolean listed,
                                String areaType, String source) {
}
