package org.shipaudit.rules;

import java.time.LocalDate;

/**
 * When a rule applies, judged against the business date of the shipment or invoice line (never the wall clock, which
 * is what Drools' own date-effective attributes use). Declared on a DRL rule as {@code @validFrom("2026-01-26")} and
 * {@code @validTo("2026-12-31")}, both inclusive and each optional.
 */
public record EffectivePeriod(LocalDate from, LocalDate to) {

    public boolean contains(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
