package org.shipaudit.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.shipaudit.model.ChargeType;

/**
 * One row of a carrier's published fuel surcharge table: the percentage in force for a service group (GROUND, AIR,
 * INTERNATIONAL) from a date to a date (null: until the next row), and the charges it is taken of.
 */
public record FuelTableRow(String carrier, String group, LocalDate from, LocalDate to, BigDecimal percent,
                           Set<ChargeType> appliesTo, String source) {

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
