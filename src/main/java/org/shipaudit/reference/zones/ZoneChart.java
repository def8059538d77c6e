package org.shipaudit.reference.zones;

import java.time.LocalDate;
import java.util.List;

/**
 * One carrier's zone chart, held in memory: for an origin, a destination and one of its zone series (a service
 * column of the carrier's chart), the cell. Immutable once built; thread-safe to read.
 */
public interface ZoneChart {

    String carrier();

    /** The day the chart took effect (from its edition). */
    LocalDate from();

    /** The chart's edition as imported (its file name). */
    String edition();

    /** The chart's zone series, as its file names them ("ground", "nda"; "fedex_express_zone"). */
    List<String> series();

    /**
     * The cell for an origin and a destination ZIP code (5 digits) in a series: a zone, or one of the marks of
     * {@link Zones} (not in the chart, not served, zone elsewhere).
     */
    byte cell(int series, String origin, String destination);

    /** The zone a cell value stands for; null for the marks. */
    String zone(byte cell);

    /** Origins the chart holds (UPS origin ZIP3s, FedEx origin ranges). */
    int origins();

    /** Cells holding a zone or a mark, all series together. */
    long cells();

    /** The chart as stored: one block per origin. */
    List<ZoneBlock> blocks();
}
