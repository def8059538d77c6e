package org.shipaudit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The amount the carrier's published accessorial table (imported as reference data, in force on the ship date) gives
 * one accessorial for one shipment or invoiced charge, already resolved for its rating zone, residential or
 * commercial address and ground or air network. Added by the enrichment only when the table is loaded and has that
 * amount, so a rule that reads it states an amount only when one is known; scenario files may supply it.
 *
 * @param contextKey the shipment's {@link AuditContext#getKey()} (pre-ship), null for an invoiced charge
 * @param row        the sheet row of the invoiced charge, 0 for a shipment
 * @param tier       the delivery-area tier of a {@link AccessorialCharge#DELIVERY_AREA} amount, else null
 * @param edition    the imported table's edition (carrier, effective date), for the finding's evidence
 * @param tableRow   where the amount is in that table ({@code additionalHandling.weight zones 3-4})
 */
public record SurchargeRate(String contextKey, long row, String carrier, AccessorialCharge charge,
                            DeliveryAreaTier tier, BigDecimal amount, String currency, String edition,
                            String tableRow) {

    /**
     * What of a billed charge lies above this amount: the part a claim may ask back, never below zero and never more
     * than the charge (the amount is a published list price, so an account's discount only makes the claim smaller
     * than the true overcharge, never larger).
     */
    public BigDecimal above(BigDecimal billed) {
        if (billed == null || amount == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal over = billed.subtract(amount);
        return over.signum() <= 0 ? BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY) : over.min(billed);
    }

    /** The amount with its currency, as people read it: {@code 8.85 USD}. */
    public String text() {
        return amount.toPlainString() + " " + currency;
    }
}
