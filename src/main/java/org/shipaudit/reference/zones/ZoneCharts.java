package org.shipaudit.reference.zones;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The zone charts loaded, by carrier and effective day: the chart in force on a ship date is the latest one taking
 * effect on or before it, until the carrier's next chart, loaded or known. Carriers republish their zone charts with
 * each year's rates, so the next known rate edition ends a chart even when the next chart is not loaded: a 2026 UPS
 * chart is never applied to a shipment of 2025, whose zones it does not show (on the real UPS invoice of August
 * 2025, 10 of 238 transportation lines were billed one zone below the 2026 chart, as UPS's 2025 chart had them).
 * Immutable; look-ups are array reads.
 */
public final class ZoneCharts {

    public static final ZoneCharts EMPTY = new ZoneCharts(List.of(), (c, d) -> Optional.empty());

    private final Map<String, TreeMap<LocalDate, ZoneChart>> byCarrier = new HashMap<>();
    private final BiFunction<String, LocalDate, Optional<LocalDate>> nextEdition;

    /**
     * @param nextEdition the first day after a day on which a known later edition of the carrier's rates took effect
     */
    public ZoneCharts(List<ZoneChart> charts, BiFunction<String, LocalDate, Optional<LocalDate>> nextEdition) {
        for (ZoneChart c : charts) {
            byCarrier.computeIfAbsent(c.carrier(), k -> new TreeMap<>()).put(c.from(), c);
        }
        this.nextEdition = nextEdition;
    }

    public boolean isEmpty() {
        return byCarrier.isEmpty();
    }

    /** Every chart loaded, for stats. */
    public List<ZoneChart> charts() {
        List<ZoneChart> out = new ArrayList<>();
        byCarrier.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /**
     * The zone a carrier bills a service between two US ZIP codes (ZIP+4 and FedEx's 11 digits accepted) on the ship
     * date, or why the charts cannot say.
     */
    public ZoneAnswer zone(String carrier, String service, String origin, String destination, LocalDate shipDate) {
        String c = carrier == null ? "" : carrier.trim().toUpperCase(Locale.ROOT);
        TreeMap<LocalDate, ZoneChart> loaded = byCarrier.get(c);
        if (loaded == null) {
            return ZoneAnswer.none(ZoneStatus.NO_CHART, "no zone chart loaded for " + c);
        }
        String o = Zones.zip5(origin);
        String d = Zones.zip5(destination);
        if (shipDate == null || o == null || d == null) {
            return ZoneAnswer.none(ZoneStatus.NO_INPUT, shipDate == null ? "no ship date"
                    : "origin '" + origin + "' or destination '" + destination + "' is not a US ZIP code");
        }
        Map.Entry<LocalDate, ZoneChart> inForce = loaded.floorEntry(shipDate);
        if (inForce == null) {
            return ZoneAnswer.none(ZoneStatus.NOT_IN_FORCE, "shipped " + shipDate + ", before " + c
                    + "'s zone charts loaded (from " + loaded.firstKey() + ")");
        }
        LocalDate end = end(c, inForce.getKey(), loaded);
        ZoneChart chart = inForce.getValue();
        if (end != null && !shipDate.isBefore(end)) {
            return ZoneAnswer.none(ZoneStatus.NOT_IN_FORCE, "shipped " + shipDate + ", after " + chart.edition()
                    + " ended (" + end.minusDays(1) + ")");
        }
        String what = chart.edition() + ", " + chart.from() + " to " + (end == null ? "open"
                : end.minusDays(1).toString());
        List<Integer> series = ZoneSeries.of(chart, service);
        if (series.isEmpty()) {
            return ZoneAnswer.none(ZoneStatus.NO_SERVICE, what + ": no zones for " + service);
        }
        List<String> zones = new ArrayList<>(series.size());
        ZoneStatus status = null;
        for (int s : series) {
            byte cell = chart.cell(s, o, d);
            String z = chart.zone(cell);
            if (z != null) {
                if (!zones.contains(z)) {
                    zones.add(z);
                }
            } else if (status == null) {
                status = switch (cell) {
                    case Zones.NOT_SERVED -> ZoneStatus.NOT_SERVED;
                    case Zones.ELSEWHERE -> ZoneStatus.ZONE_ELSEWHERE;
                    default -> ZoneStatus.NOT_IN_CHART;
                };
            }
        }
        if (!zones.isEmpty()) {
            return new ZoneAnswer(ZoneStatus.ZONE, zones, what);
        }
        return ZoneAnswer.none(status, what);
    }

    private LocalDate end(String carrier, LocalDate from, TreeMap<LocalDate, ZoneChart> loaded) {
        LocalDate next = loaded.higherKey(from);
        LocalDate known = nextEdition.apply(carrier, from).orElse(null);
        if (next == null) {
            return known;
        }
        return known == null || next.isBefore(known) ? next : known;
    }

    /** A chart rebuilt from its stored blocks, by the layout it was imported from. */
    public static ZoneChart fromBlocks(ChartLayout layout, String carrier, LocalDate from, String edition,
                                       List<String> series, List<ZoneBlock> blocks) {
        return switch (layout) {
            case ZIP3 -> ZipThreeChart.of(carrier, from, edition, series, blocks);
            case RANGES -> ZipRangeChart.of(carrier, from, edition, series, blocks);
        };
    }

    /** The layout of the chart, stored beside its blocks. */
    public static ChartLayout layout(ZoneChart chart) {
        return chart instanceof ZipThreeChart ? ChartLayout.ZIP3 : ChartLayout.RANGES;
    }

    /** How a chart's cells are keyed: by origin and destination ZIP3 (UPS), or by ZIP ranges (FedEx). */
    public enum ChartLayout { ZIP3, RANGES }
}
