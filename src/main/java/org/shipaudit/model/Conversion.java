package org.shipaudit.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * An amount converted to another currency at a published reference rate: what the evidence of a finding judged on a
 * converted value shows (amounts, rate, the rate's date and who published it).
 *
 * @param rate     units of {@code to} per unit of {@code from} (a cross rate through EUR for two non-euro currencies)
 * @param rateDate the publication day of the rate used (the older of the two for a cross rate)
 */
public record Conversion(String from, BigDecimal amount, String to, BigDecimal converted, BigDecimal rate,
                         LocalDate rateDate, String source) {

    private static final MathContext SHOWN = new MathContext(6, RoundingMode.HALF_UP);

    /** "EUR 2400.00 = USD 2559.36 at 1.0664 USD per EUR (ECB ..., 2023-02-21)". */
    public String describe() {
        return from + " " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " = " + to + " "
                + converted.toPlainString() + " at " + rate.round(SHOWN).stripTrailingZeros().toPlainString() + " " + to
                + " per " + from + " (" + source + ", " + rateDate + ")";
    }
}
