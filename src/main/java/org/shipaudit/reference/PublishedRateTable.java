package org.shipaudit.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.shipaudit.model.RateCheck;
import org.shipaudit.model.lookup.ServiceCatalog;
import org.shipaudit.reference.zones.Zones;

/**
 * The published rates loaded, in memory (a carrier's year is about 10,000 cells), with the editions each carrier has:
 * an edition is in force from its effective day until the day before the carrier's next edition, loaded or known
 * ({@link RateEditions}), so a table is never applied to shipments of another rate year. Immutable.
 */
final class PublishedRateTable {

    static final PublishedRateTable EMPTY = new PublishedRateTable(List.of());

    /** One cell: the rate of an edition for a carrier's service name. */
    record Cell(String carrier, String service, String zone, int weight, BigDecimal rate, LocalDate from,
                String name, String edition) {
    }

    private final Map<String, List<Cell>> cells = new HashMap<>();
    /** Each carrier's loaded editions by effective day, with their names. */
    private final Map<String, TreeMap<LocalDate, String>> editions = new HashMap<>();

    PublishedRateTable(List<Cell> all) {
        for (Cell c : all) {
            cells.computeIfAbsent(key(c.carrier(), c.service(), c.zone(), c.weight()), k -> new ArrayList<>(1)).add(c);
            editions.computeIfAbsent(c.carrier(), k -> new TreeMap<>()).merge(c.from(), c.edition(),
                    (a, b) -> a.equals(b) || a.contains(b) ? a : a + " + " + b);
        }
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    /**
     * The rate for a carrier's service, zone and weight step on the ship date; where two of the carrier's services
     * share our service code (UPS Next Day Air and Next Day Air Early both read as NEXT_DAY_AIR) the higher rate, so
     * that the check never claims what the dearer service would owe. Without a ship date, an invoice dated before
     * every loaded edition still says the tables were not in force; otherwise the edition cannot be told.
     */
    PublishedRateLookup lookup(String carrier, String service, String zone, int weightLb, LocalDate shipDate,
                               LocalDate invoiceDate) {
        String c = carrier == null ? "" : carrier.trim().toUpperCase(Locale.ROOT);
        TreeMap<LocalDate, String> loaded = editions.get(c);
        if (loaded == null) {
            return PublishedRateLookup.none(RateCheck.NO_TABLE, "no published rates loaded for " + c);
        }
        if (shipDate == null) {
            if (invoiceDate != null && invoiceDate.isBefore(loaded.firstKey())) {
                return PublishedRateLookup.none(RateCheck.NOT_IN_FORCE, "invoiced " + invoiceDate + ", before "
                        + c + "'s rates loaded (from " + loaded.firstKey() + ")");
            }
            return PublishedRateLookup.none(RateCheck.NO_SHIP_DATE, "no ship date");
        }
        Map.Entry<LocalDate, String> edition = loaded.floorEntry(shipDate);
        if (edition == null) {
            return PublishedRateLookup.none(RateCheck.NOT_IN_FORCE, "shipped " + shipDate + ", before " + c
                    + "'s rates loaded (from " + loaded.firstKey() + ")");
        }
        LocalDate end = end(c, edition.getKey(), loaded);
        if (end != null && !shipDate.isBefore(end)) {
            return PublishedRateLookup.none(RateCheck.NOT_IN_FORCE, "shipped " + shipDate + ", after " + c + "'s "
                    + edition.getKey() + " rates ended (" + end.minusDays(1) + ")");
        }
        BigDecimal best = null;
        for (Cell cell : cells.getOrDefault(key(c, ServiceCatalog.canonical(service), Zones.plain(zone),
                weightLb), List.of())) {
            if (cell.from().equals(edition.getKey()) && (best == null || cell.rate().compareTo(best) > 0)) {
                best = cell.rate();
            }
        }
        String what = edition.getValue() + ", " + edition.getKey() + " to " + (end == null ? "open"
                : end.minusDays(1).toString());
        return best == null ? PublishedRateLookup.none(RateCheck.NO_RATE, what)
                : new PublishedRateLookup(RateCheck.WITHIN, best, what, edition.getKey());
    }

    /** The first day of the carrier's next edition after one, loaded or known; null when none is. */
    private static LocalDate end(String carrier, LocalDate from, TreeMap<LocalDate, String> loaded) {
        LocalDate next = loaded.higherKey(from);
        LocalDate known = RateEditions.nextAfter(carrier, from).orElse(null);
        if (next == null) {
            return known;
        }
        return known == null || next.isBefore(known) ? next : known;
    }

    private static String key(String carrier, String service, String zone, int weight) {
        return carrier + "|" + service + "|" + zone + "|" + weight;
    }
}
