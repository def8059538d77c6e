package org.shipaudit.reference.zones;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chart by origin and destination ZIP ranges (FedEx): origin ranges sorted by their first ZIP, and per origin its
 * destination ranges sorted the same way, each with one cell per zone series; a look-up is two binary searches
 * (107,000 ranges take about a megabyte).
 */
final class ZipRangeChart extends ChartBase {

    /** One origin range: destination ranges by first ZIP, last ZIP, and the cells of each series. */
    record Origin(int from, int to, int[] destFrom, int[] destTo, byte[][] cells) {
    }

    private final Origin[] origins;
    private final int[] originFrom;

    ZipRangeChart(String carrier, LocalDate from, String edition, List<String> series, ZoneCodes codes,
                  List<Origin> origins) {
        super(carrier, from, edition, series, codes);
        this.origins = origins.stream().sorted((a, b) -> Integer.compare(a.from(), b.from())).toArray(Origin[]::new);
        this.originFrom = Arrays.stream(this.origins).mapToInt(Origin::from).toArray();
    }

    @Override
    public byte cell(int s, String origin, String destination) {
        int o = leading(origin, 5, true);
        int d = leading(destination, 5, true);
        if (o < 0 || d < 0 || s < 0 || s >= series().size()) {
            return Zones.ABSENT;
        }
        int r = find(originFrom, o, origins.length);
        if (r < 0 || o > origins[r].to()) {
            return Zones.ABSENT;
        }
        Origin range = origins[r];
        int i = find(range.destFrom(), d, range.destFrom().length);
        return i < 0 || d > range.destTo()[i] ? Zones.ABSENT : range.cells()[s][i];
    }

    /** The index of the last range starting at or before {@code zip}, -1 when none does. */
    private static int find(int[] starts, int zip, int n) {
        int i = Arrays.binarySearch(starts, 0, n, zip);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public int origins() {
        return origins.length;
    }

    @Override
    public long cells() {
        long n = 0;
        for (Origin o : origins) {
            for (byte[] s : o.cells()) {
                for (byte b : s) {
                    n += b != Zones.ABSENT ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** One block per origin range: per destination range its first and last ZIP (4 bytes each), then its cells. */
    @Override
    public List<ZoneBlock> blocks() {
        List<ZoneBlock> out = new ArrayList<>(origins.length);
        String text = codes.text();
        int width = 8 + series().size();
        for (Origin o : origins) {
            ByteBuffer b = ByteBuffer.allocate(o.destFrom().length * width);
            for (int i = 0; i < o.destFrom().length; i++) {
                b.putInt(o.destFrom()[i]).putInt(o.destTo()[i]);
                for (int s = 0; s < series().size(); s++) {
                    b.put(o.cells()[s][i]);
                }
            }
            out.add(new ZoneBlock(range(o.from(), o.to()), text, b.array()));
        }
        return out;
    }

    static String range(int from, int to) {
        return String.format("%05d-%05d", from, to);
    }

    static ZipRangeChart of(String carrier, LocalDate from, String edition, List<String> series,
                            List<ZoneBlock> blocks) {
        ZoneCodes codes = blocks.isEmpty() ? new ZoneCodes() : ZoneCodes.of(blocks.get(0).codes());
        int width = 8 + series.size();
        List<Origin> origins = new ArrayList<>(blocks.size());
        for (ZoneBlock block : blocks) {
            if (block.cells().length % width != 0 || !block.origin().matches("\\d{5}-\\d{5}")) {
                throw new IllegalArgumentException("zone block " + block.origin() + " of " + edition
                        + " is not a range block of " + series.size() + " series");
            }
            int n = block.cells().length / width;
            int[] df = new int[n];
            int[] dt = new int[n];
            byte[][] cells = new byte[series.size()][n];
            ByteBuffer b = ByteBuffer.wrap(block.cells());
            for (int i = 0; i < n; i++) {
                df[i] = b.getInt();
                dt[i] = b.getInt();
                for (int s = 0; s < series.size(); s++) {
                    cells[s][i] = b.get();
                }
            }
            origins.add(new Origin(Integer.parseInt(block.origin().substring(0, 5)),
                    Integer.parseInt(block.origin().substring(6)), df, dt, cells));
        }
        return new ZipRangeChart(carrier, from, edition, series, codes, origins);
    }
}
