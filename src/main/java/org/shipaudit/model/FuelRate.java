package org.shipaudit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * The carrier's published fuel surcharge percentage in force on an invoiced fuel charge's ship date, for the
 * service's group (GROUND, AIR or INTERNATIONAL), with the charge types it applies to. Added by the invoice
 * enrichment from the imported weekly fuel table; scenario files may supply it.
 *
 * @param row        the sheet row of the fuel charge
 * @param percent    e.g. 15.25 for 15.25 %
 * @param appliesTo  the charges the percentage is taken of (transportation and the listed surcharges)
 */
public record FuelRate(long row, String carrier, String group, LocalDate validFrom, LocalDate validTo,
                       BigDecimal percent, Set<ChargeType> appliesTo, String source) {

    /** What the carrier's table says to charge: the percentage of the package's charges it applies to, in cents. */
    public BigDecimal expected(Collection<?> packageCharges) {
        BigDecimal base = BigDecimal.ZERO;
        for (Object o : packageCharges) {
            ChargeLine c = (ChargeLine) o;
            if (c.amount() != null && appliesTo.contains(c.chargeType())) {
                base = base.add(c.amount());
            }
        }
        return base.multiply(percent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * True when the fuel charge exceeds the table's amount by more than rounding: a cent per charge the carrier may
     * have rounded separately.
     */
    public boolean overbilled(ChargeLine fuel, Collection<?> packageCharges) {
        BigDecimal tolerance = BigDecimal.valueOf(Math.max(1, packageCharges.size()), 2);
        return fuel.amount() != null && fuel.amount().subtract(expected(packageCharges)).compareTo(tolerance) > 0;
    }

    public boolean appliesTo(ChargeType type) {
        return appliesTo.contains(type);
    }
}
