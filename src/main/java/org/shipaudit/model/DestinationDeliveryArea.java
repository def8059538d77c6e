package org.shipaudit.model;

/**
 * The ship-to ZIP code of a shipment is on the carrier's delivery-area list in force on the ship date, at this tier.
 * Added by the pre-ship enrichment only when the ZIP code is listed (a ZIP code that is not listed, or a carrier
 * whose list is not loaded, gives no fact); scenario files may supply it.
 *
 * @param contextKey the shipment's {@link AuditContext#getKey()}
 * @param list       the imported list's edition, for the finding's evidence
 */
public record DestinationDeliveryArea(String contextKey, String carrier, String postalCode, DeliveryAreaTier tier,
                                      String list) {
}
