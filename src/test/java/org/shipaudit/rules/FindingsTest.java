package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The number formatting rules call in their messages and evidence. */
class FindingsTest {

    @Test
    void writesNumbersWithAtMostTwoDecimals() {
        assertEquals("12.5", Findings.num(12.5));
        assertEquals("40", Findings.num(40.0));
        assertEquals("0.33", Findings.num(1.0 / 3));
        assertEquals("12", Findings.num(new BigDecimal("12.00")));
    }

    @Test
    void writesAnOverflowedSumInsteadOfThrowing() {
        // 5e307 x 10 overflows a double: a rule summing item weights must still produce its message.
        assertEquals("Infinity", Findings.num(5e307 * 10));
        assertEquals("-Infinity", Findings.num(-Double.MAX_VALUE * 2));
        assertEquals("NaN", Findings.num(Double.NaN));
    }
}
