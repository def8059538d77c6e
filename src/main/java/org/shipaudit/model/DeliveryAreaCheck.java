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
 * @param source     the imported list's edition, for the finding's evidence
 * @param billedTier the tier the charge's description names, null when it names none
 */
public record DeliveryAreaCheck(long row, String carrier, int year, String postalCode, boolean listed,
                                String areaType, String source, DeliveryAreaTier billedTier) {

    /**
     * True when the charge names a contiguous-US tier above the one the list gives the ZIP code (billed REMOTE on an
     * EXTENDED ZIP); false when either tier is unknown or outside that scale (Alaska, Hawaii).
     */
    public boolean billedAboveListedTier() {
        if (!listed || billedTier == null || billedTier.contiguousRank() == 0) {
            return false;
        }
        return DeliveryAreaTier.of(areaType).map(t -> t.contiguousRank() > 0
                && billedTier.contiguousRank() > t.contiguousRank()).orElse(false);
    }
}
