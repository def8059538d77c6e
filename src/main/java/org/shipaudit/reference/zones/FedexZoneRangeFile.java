package org.shipaudit.reference.zones;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shipaudit.csv.CsvReader;

/**
 * Reads FedEx zone charts by origin and destination ZIP range (reference-data MANIFEST, carriers/zones:
 * {@code origin_zip_range,dest_zip_range,fedex_express_zone,fedex_ground_zone}; "00400-00499" or a single ZIP).
 * "NA" is FedEx's not served, "*" served with the zone printed elsewhere. A zone is one or two digits (2-8 within the
 * contiguous US, 9-17 and 22-26 to Alaska and Hawaii, 92 and 96 for Hawaii by Ground): a cell that is not (the shared
 * copy holds ZIP codes such as 96700 in the Ground column where its flattening ran a range into the next one) is
 * left out and named, so the pairs it covers read as not in the chart rather than as a made-up zone.
 */
public final class FedexZoneRangeFile {

    private static final Pattern RANGE = Pattern.compile("(\\d{5})(?:-(\\d{5}))?");

    private FedexZoneRangeFile() {
    }

    public static boolean recognises(List<String> header) {
        return header.size() >= 3 && header.get(0).trim().equalsIgnoreCase("origin_zip_range")
                && header.get(1).trim().equalsIgnoreCase("dest_zip_range");
    }

    /** One destination range of an origin while the chart is read. */
    private record Dest(int from, int to, byte[] cells, long at) {
    }

    public static ZoneChart read(Reader in, String carrier, LocalDate from, String edition, RowSink sink)
            throws IOException {
        Map<String, List<Dest>> byOrigin = new LinkedHashMap<>();
        List<String> series;
        ZoneCodes codes = new ZoneCodes();
        try (CsvReader csv = new CsvReader(in)) {
            List<String> header = csv.next();
            series = header.subList(2, header.size()).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.stream().allMatch(String::isBlank)) {
                    continue;
                }
                sink.read();
                long at = csv.record();
                int[] o = range(cell(row, 0));
                int[] d = range(cell(row, 1));
                if (o == null || d == null) {
                    sink.problem(at, "origin_zip_range and dest_zip_range: expected ZIP ranges such as 00400-00499 "
                            + "or one ZIP code, with the first not after the last, found '" + cell(row, 0) + "', '"
                            + cell(row, 1) + "'");
                    continue;
                }
                byte[] cells = new byte[series.size()];
                for (int s = 0; s < series.size(); s++) {
                    String raw = cell(row, s + 2).toUpperCase(Locale.ROOT);
                    if (raw.equals("NA")) {
                        cells[s] = Zones.NOT_SERVED;
                    } else if (raw.equals("*")) {
                        cells[s] = Zones.ELSEWHERE;
                    } else if (raw.matches("\\d{1,2}")) {
                        int code = codes.code(Zones.plain(raw));
                        if (code < 0) {
                            sink.problem(at, series.get(s) + ": more than " + ZoneCodes.MAX + " distinct zones");
                        } else {
                            cells[s] = (byte) code;
                        }
                    } else {
                        sink.problem(at, series.get(s) + ": expected a FedEx zone (one or two digits), NA or *, "
                                + "found '" + raw + "'; destinations " + cell(row, 1) + " from "
                                + cell(row, 0) + " are left out of that column");
                    }
                }
                byOrigin.computeIfAbsent(ZipRangeChart.range(o[0], o[1]), k -> new ArrayList<>())
                        .add(new Dest(d[0], d[1], cells, at));
            }
        }
        List<ZipRangeChart.Origin> origins = new ArrayList<>();
        int lastTo = -1;
        for (Map.Entry<String, List<Dest>> e : byOrigin.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            int oFrom = Integer.parseInt(e.getKey().substring(0, 5));
            int oTo = Integer.parseInt(e.getKey().substring(6));
            if (oFrom <= lastTo) {
                sink.problem(e.getValue().get(0).at(), "origin range " + e.getKey() + " overlaps the one before it; "
                        + "its rows are left out");
                continue;
            }
            lastTo = oTo;
            origins.add(origin(oFrom, oTo, e.getValue(), series.size(), sink));
        }
        return new ZipRangeChart(carrier, from, edition, series, codes, origins);
    }

    /** An origin's destination ranges in order; a range overlapping the one before it is left out and named. */
    private static ZipRangeChart.Origin origin(int from, int to, List<Dest> dests, int seriesCount, RowSink sink) {
        List<Dest> sorted = new ArrayList<>(dests);
        sorted.sort(Comparator.comparingInt(Dest::from));
        List<Dest> kept = new ArrayList<>(sorted.size());
        for (Dest d : sorted) {
            Dest last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && d.from() <= last.to()) {
                sink.problem(d.at(), "destinations " + ZipRangeChart.range(d.from(), d.to()) + " overlap "
                        + ZipRangeChart.range(last.from(), last.to()) + " (row " + last.at() + ") from the same "
                        + "origin; left out");
                continue;
            }
            kept.add(d);
        }
        int[] df = new int[kept.size()];
        int[] dt = new int[kept.size()];
        byte[][] cells = new byte[seriesCount][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            df[i] = kept.get(i).from();
            dt[i] = kept.get(i).to();
            for (int s = 0; s < seriesCount; s++) {
                cells[s][i] = kept.get(i).cells()[s];
            }
        }
        return new ZipRangeChart.Origin(from, to, df, dt, cells);
    }

    /** First and last ZIP of "00400-00499" or "96701"; null when not a range or reversed. */
    private static int[] range(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
        return a <= b ? new int[] {a, b} : null;
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i).trim() : "";
    }
}
