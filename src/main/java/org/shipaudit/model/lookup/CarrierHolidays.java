package org.shipaudit.model.lookup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The days UPS and FedEx do not count as business days in the US: weekends and the six national holidays both
 * observe (New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving, Christmas), moved to the
 * nearest weekday when they fall on a weekend. A due date that ignored them would call on-time parcels late.
 */
public final class CarrierHolidays {

    private CarrierHolidays() {
    }

    public static boolean isBusinessDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    static boolean isHoliday(LocalDate d) {
        int y = d.getYear();
        return d.equals(observed(LocalDate.of(y, Month.JANUARY, 1)))
                || d.equals(observed(LocalDate.of(y + 1, Month.JANUARY, 1)))
                || d.equals(LocalDate.of(y, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || d.equals(observed(LocalDate.of(y, Month.JULY, 4)))
                || d.equals(LocalDate.of(y, Month.SEPTEMBER, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)))
                || d.equals(LocalDate.of(y, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)))
                || d.equals(observed(LocalDate.of(y, Month.DECEMBER, 25)));
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    /** The business day {@code days} business days after {@code from}. */
    public static LocalDate addBusinessDays(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }
}
