package org.shipaudit.reference;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One cell of a contract rate sheet: the list rate for a carrier, service, zone and weight step, with the contract's
 * discount, in force from a date to a date (null: open).
 */
public record RateSheetRow(String carrier, String service, String zone, int weightLb, BigDecimal listRate,
                           BigDecimal discountPercent, LocalDate from, LocalDate to, String source) {

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
