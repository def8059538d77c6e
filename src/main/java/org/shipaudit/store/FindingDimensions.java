package org.shipaudit.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The dimensions a finding is grouped by in the analytics, computed once when the finding is stored: carrier, the day
 * it belongs to, the Monday of that day's ISO week, and the lane. Kept in Java so the SQL stays portable.
 *
 * @param carrier the carrier as billed or shipped, upper case, or null
 * @param day     ship date for invoices, decision date (UTC) for pre-ship audits, or null
 * @param lane    {@code 432>200} (ZIP3 to ZIP3), {@code 432>DE}, or null when neither end is known
 */
public record FindingDimensions(String carrier, LocalDate day, String lane) {

    public static final FindingDimensions UNKNOWN = new FindingDimensions(null, null, null);

    public FindingDimensions {
        carrier = carrier == null || carrier.isBlank() ? null : clip(carrier.trim().toUpperCase(Locale.ROOT), 32);
    }

    public LocalDate weekStart() {
        return day == null ? null : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Origin to destination, each side its ZIP3 when the address is in the US (or has no country and a US-shaped
     * ZIP), else its country; null when both ends are unknown.
     */
    public static String lane(String originPostal, String originCountry, String destPostal, String destCountry) {
        String from = end(originPostal, originCountry);
        String to = end(destPostal, destCountry);
        return from == null && to == null ? null : (from == null ? "?" : from) + ">" + (to == null ? "?" : to);
    }

    private static String end(String postal, String country) {
        String c = country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT);
        String digits = postal == null ? "" : postal.trim();
        boolean usZip = digits.length() >= 5 && digits.substring(0, 5).chars().allMatch(Character::isDigit);
        if ((c == null || c.equals("US")) && usZip) {
            return digits.substring(0, 3);
        }
        return c == null ? null : clip(c, 12);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
