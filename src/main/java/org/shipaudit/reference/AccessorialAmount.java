package org.shipaudit.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.shipaudit.model.AccessorialCharge;
import org.shipaudit.model.DeliveryAreaTier;

/**
 * One amount of a carrier's published accessorial table: what the carrier lists for one accessorial, on an address of
 * a kind (residential, commercial, either) and a network (ground, air, either), at a delivery-area tier or for a
 * band of rating zones.
 *
 * @param residential true for residential addresses only, false for commercial only, null for either
 * @param air         true for air services only, false for ground only, null for either
 * @param tier        the delivery-area tier of a {@link AccessorialCharge#DELIVERY_AREA} amount, else null
 * @param zoneMin     the lowest base rating zone the amount applies to; 0 when it is not zone-tiered
 * @param zoneMax     the highest (inclusive)
 * @param tableRow    where the amount is in the table, as the file names it ({@code additionalHandling.weight zones 3-4})
 * @param edition     the table's edition as imported (carrier and effective date)
 */
public record AccessorialAmount(String carrier, LocalDate effectiveFrom, AccessorialCharge charge, Boolean residential,
                                Boolean air, DeliveryAreaTier tier, int zoneMin, int zoneMax, BigDecimal amount,
                                String currency, String tableRow, String edition) {

    /** True when this amount is the one for the given address kind, network, tier and zone (null: not known). */
    boolean fits(Boolean residentialAddress, boolean airService, DeliveryAreaTier areaTier, Integer zone) {
        if (residential != null && !residential.equals(residentialAddress)) {
            return false;
        }
        if (air != null && air != airService) {
            return false;
        }
        if (tier != areaTier) {
            return false;
        }
        if (zoneMin == 0) {
            return true;
        }
        return zone != null && zone >= zoneMin && zone <= zoneMax;
    }
}
