package org.shipaudit.reference.zones;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.shipaudit.csv.CsvReader;

/**
 * Reads UPS Zone Advisor charts flattened to one CSV (reference-data MANIFEST, carriers/zones:
 * {@code origin_zip3,dest_zip3,ground,3day,2day,2day_am,nda_saver,nda}, one row per origin and destination ZIP3, one
 * column per service with UPS's zone numbers: 2-8 and 44-46 for Ground, 102-126 for Next Day Air...). A blank cell is
 * UPS's "not available" for that service (3 Day Select to Puerto Rico). A row or cell that cannot be read is left out
 * and named; the rest of the chart stands.
 */
public final class UpsZoneChartFile {

    private UpsZoneChartFile() {
    }

    /** True for the header of such a chart: the two ZIP3 columns, then UPS's service columns. */
    public static boolean recognises(List<String> header) {
        return header.size() >= 3 && header.get(0).trim().equalsIgnoreCase("origin_zip3")
                && header.get(1).trim().equalsIgnoreCase("dest_zip3");
    }

    public static ZoneChart read(Reader in, String carrier, LocalDate from, String edition, RowSink sink)
            throws IOException {
        try (CsvReader csv = new CsvReader(in)) {
            List<String> header = csv.next();
            List<String> series = header.subList(2, header.size()).stream()
                    .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            ZipThreeChart chart = new ZipThreeChart(carrier, from, edition, series, new ZoneCodes());
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.stream().allMatch(String::isBlank)) {
                    continue;
                }
                sink.read();
                long at = csv.record();
                String o = cell(row, 0);
                String d = cell(row, 1);
                if (!o.matches("\\d{3}") || !d.matches("\\d{3}")) {
                    sink.problem(at, "origin_zip3 and dest_zip3: expected three digits each, found '" + o + "', '"
                            + d + "'");
                    continue;
                }
                for (int s = 0; s < series.size(); s++) {
                    String raw = cell(row, s + 2);
                    byte value;
                    if (raw.isEmpty()) {
                        value = Zones.NOT_SERVED;
                    } else if (raw.matches("\\d{1,3}")) {
                        int code = chart.codes().code(Zones.plain(raw));
                        if (code < 0) {
                            sink.problem(at, series.get(s) + ": more than " + ZoneCodes.MAX + " distinct zones");
                            continue;
                        }
                        value = (byte) code;
                    } else {
                        sink.problem(at, series.get(s) + ": expected a UPS zone number such as 5 or 102, found '"
                                + raw + "'");
                        continue;
                    }
                    if (!chart.set(Integer.parseInt(o), Integer.parseInt(d), s, value)) {
                        sink.problem(at, "origin " + o + " to " + d + " is listed twice");
                        break;
                    }
                }
            }
            return chart;
        }
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i).trim() : "";
    }
}
