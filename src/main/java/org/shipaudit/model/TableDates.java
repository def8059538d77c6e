package org.shipaudit.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ISO dates that effective-dated table rows compare facts with ({@code onOrAfter("2025-08-18")}), parsed once.
 * The rules pass the same few literals for every package of every batch, and parsing one was 2% of an invoice
 * audit's CPU. Bounded: past {@link #MAX} distinct strings new ones are parsed each time and not kept.
 */
final class TableDates {

    private static final int MAX = 4096;
    private static final Map<String, LocalDate> PARSED = new ConcurrentHashMap<>();

    private TableDates() {
    }

    /** The date an ISO-8601 string ({@code 2025-08-18}, surrounding spaces allowed) names. */
    static LocalDate parse(String isoDate) {
        LocalDate d = PARSED.get(isoDate);
        if (d == null) {
            d = LocalDate.parse(isoDate.trim());
            if (PARSED.size() < MAX) {
                PARSED.put(isoDate, d);
            }
        }
        return d;
    }
}
