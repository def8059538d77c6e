package org.shipaudit.reference.zones;

import java.time.LocalDate;
import java.util.List;

/** What every zone chart holds besides its cells: who and when it is for, its series, and its zone codes. */
abstract class ChartBase implements ZoneChart {

    private final String carrier;
    private final LocalDate from;
    private final String edition;
    private final List<String> series;
    final ZoneCodes codes;

    ChartBase(String carrier, LocalDate from, String edition, List<String> series, ZoneCodes codes) {
        this.carrier = carrier;
        this.from = from;
        this.edition = edition;
        this.series = List.copyOf(series);
        this.codes = codes;
    }

    /**
     * The number the first {@code digits} characters of a ZIP code spell, -1 when they are not all digits or the
     * code is too short ({@code exact}: or longer). Look-ups are given {@link Zones#zip5} codes.
     */
    static int leading(String zip, int digits, boolean exact) {
        if (zip == null || zip.length() < digits || exact && zip.length() != digits) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < digits; i++) {
            char c = zip.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    @Override
    public String zone(byte cell) {
        return codes.zone(cell);
    }

    @Override
    public String carrier() {
        return carrier;
    }

    @Override
    public LocalDate from() {
        return from;
    }

    @Override
    public String edition() {
        return edition;
    }

    @Override
    public List<String> series() {
        return series;
    }
}
