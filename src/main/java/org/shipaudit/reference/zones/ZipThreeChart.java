package org.shipaudit.reference.zones;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart by origin ZIP3 and destination ZIP3 (UPS Zone Advisor): one dense 1,000 x 1,000 byte grid per zone series,
 * so a look-up is two index computations and an array read (UPS's six series take 6 MB). A ZIP3 with no row in the
 * chart reads as {@link Zones#ABSENT}.
 */
final class ZipThreeChart extends ChartBase {

    private static final int SIDE = 1_000;

    private final byte[][] grid;
    private final boolean[] origins = new boolean[SIDE];
    private long cells;

    ZipThreeChart(String carrier, LocalDate from, String edition, List<String> series, ZoneCodes codes) {
        super(carrier, from, edition, series, codes);
        this.grid = new byte[series.size()][SIDE * SIDE];
    }

    /** Sets one cell while the chart is built; false when the pair already had a value in that series. */
    boolean set(int origin3, int destination3, int s, byte cell) {
        int at = origin3 * SIDE + destination3;
        if (grid[s][at] != Zones.ABSENT) {
            return false;
        }
        grid[s][at] = cell;
        origins[origin3] = true;
        if (cell != Zones.ABSENT) {
            cells++;
        }
        return true;
    }

    ZoneCodes codes() {
        return codes;
    }

    @Override
    public byte cell(int s, String origin, String destination) {
        int o = leading(origin, 3, false);
        int d = leading(destination, 3, false);
        return o < 0 || d < 0 || s < 0 || s >= grid.length ? Zones.ABSENT : grid[s][o * SIDE + d];
    }

    @Override
    public int origins() {
        int n = 0;
        for (boolean o : origins) {
            n += o ? 1 : 0;
        }
        return n;
    }

    @Override
    public long cells() {
        return cells;
    }

    /** One block per origin ZIP3: its 1,000 destinations of each series in turn. */
    @Override
    public List<ZoneBlock> blocks() {
        List<ZoneBlock> out = new ArrayList<>();
        String text = codes.text();
        for (int o = 0; o < SIDE; o++) {
            if (!origins[o]) {
                continue;
            }
            byte[] b = new byte[grid.length * SIDE];
            for (int s = 0; s < grid.length; s++) {
                System.arraycopy(grid[s], o * SIDE, b, s * SIDE, SIDE);
            }
            out.add(new ZoneBlock(String.format("%03d", o), text, b));
        }
        return out;
    }

    /** The chart rebuilt from its stored blocks; a block of another shape is refused (the index is not ours). */
    static ZipThreeChart of(String carrier, LocalDate from, String edition, List<String> series,
                            List<ZoneBlock> blocks) {
        ZoneCodes codes = blocks.isEmpty() ? new ZoneCodes() : ZoneCodes.of(blocks.get(0).codes());
        ZipThreeChart chart = new ZipThreeChart(carrier, from, edition, series, codes);
        for (ZoneBlock b : blocks) {
            int o = Integer.parseInt(b.origin());
            if (b.cells().length != series.size() * SIDE) {
                throw new IllegalArgumentException("zone block " + b.origin() + " of " + edition + " holds "
                        + b.cells().length + " cells, not " + series.size() * SIDE);
            }
            chart.origins[o] = true;
            for (int s = 0; s < series.size(); s++) {
                System.arraycopy(b.cells(), s * SIDE, chart.grid[s], o * SIDE, SIDE);
                for (int d = 0; d < SIDE; d++) {
                    chart.cells += b.cells()[s * SIDE + d] != Zones.ABSENT ? 1 : 0;
                }
            }
        }
        return chart;
    }
}
