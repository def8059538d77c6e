package org.shipaudit.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.shipaudit.model.RateCheck;

/**
 * The carrier's published rate for a service, zone and weight on a day, or why there is none.
 *
 * @param outcome  {@link RateCheck#WITHIN} when a rate was found (the caller decides within or above), else the reason
 * @param listRate the rate, null without one
 * @param edition  the table and its effective dates ("ups_daily_rates_2026_domestic, 2025-12-22 to open"), or what
 *                 was looked for and not found, for the counters and the evidence
 */
public record PublishedRateLookup(RateCheck outcome, BigDecimal listRate, String edition, LocalDate from) {

    static PublishedRateLookup none(RateCheck why, String what) {
        return new PublishedRateLookup(why, null, what, null);
    }

    public boolean found() {
        return listRate != null;
    }
}
