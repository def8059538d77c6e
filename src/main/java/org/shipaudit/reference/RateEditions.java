package org.shipaudit.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.shipaudit.csv.CsvReader;

/**
 * The days the carriers' yearly published rates take effect ({@code reference/published-rate-editions.csv}, each
 * with the carrier document that states it). Carriers change list rates once a year, on a day near the new year that
 * their rate documents state; a table file says its year but rarely its day, and the next year's day ends the
 * previous table even when the next table is not loaded, so a 2025 table is never used for a 2026 shipment.
 */
final class RateEditions {

    /** One yearly edition: the carrier, the rate year and the day it took effect. */
    record Edition(String carrier, int year, LocalDate from, String source) {
    }

    static final List<Edition> KNOWN = load();

    private RateEditions() {
    }

    /** The known edition of a carrier's rates for a year. */
    static Optional<Edition> of(String carrier, int year) {
        return KNOWN.stream().filter(e -> e.carrier().equals(carrier) && e.year() == year).findFirst();
    }

    /** The first day after {@code from} on which a known later edition of the carrier's rates took effect. */
    static Optional<LocalDate> nextAfter(String carrier, LocalDate from) {
        return KNOWN.stream().filter(e -> e.carrier().equals(carrier) && e.from().isAfter(from)).map(Edition::from)
                .min(LocalDate::compareTo);
    }

    private static List<Edition> load() {
        try (InputStream in = RateEditions.class.getResourceAsStream("/reference/published-rate-editions.csv");
             CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            csv.next();
            List<Edition> out = new ArrayList<>();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() >= 4) {
                    out.add(new Edition(row.get(0).trim().toUpperCase(Locale.ROOT), Integer.parseInt(row.get(1).trim()),
                            LocalDate.parse(row.get(2).trim()), row.get(3).trim()));
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
