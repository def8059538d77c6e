package org.shipaudit.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One published reference rate: how many units of {@code currency} one euro bought on {@code rateDate}, as the ECB
 * quotes its euro foreign exchange reference rates (every other pair is a cross rate through EUR). Added by the audit's
 * enrichment from the imported rate table; scenario files may supply it ({@code type: ExchangeRate}).
 *
 * @param perEur units of the currency per 1 EUR, e.g. 1.0664 for USD on 2023-02-21
 * @param source who published it, shown in findings' evidence
 */
public record ExchangeRate(String currency, BigDecimal perEur, LocalDate rateDate, String source) {
}
