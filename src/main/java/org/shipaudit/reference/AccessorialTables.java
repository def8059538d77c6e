package org.shipaudit.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.shipaudit.model.AccessorialCharge;
import org.shipaudit.model.DeliveryAreaTier;

/**
 * The carriers' accessorial tables loaded, held in memory (a few dozen amounts per edition): the edition in force on
 * a day is the latest one taking effect on or before it, until the next. Immutable.
 */
public final class AccessorialTables {

    static final AccessorialTables EMPTY = new AccessorialTables(Map.of());

    /** Per carrier, its amounts newest edition first. */
    private final Map<String, List<AccessorialAmount>> byCarrier;

    AccessorialTables(Map<String, List<AccessorialAmount>> byCarrier) {
        Map<String, List<AccessorialAmount>> sorted = new java.util.HashMap<>();
        byCarrier.forEach((c, l) -> {
            List<AccessorialAmount> copy = new ArrayList<>(l);
            copy.sort(Comparator.comparing(AccessorialAmount::effectiveFrom).reversed());
            sorted.put(c, List.copyOf(copy));
        });
        this.byCarrier = Map.copyOf(sorted);
    }

    /** True when an edition of the carrier's table is in force on the day. */
    public boolean inForce(String carrier, LocalDate day) {
        return edition(carrier, day).isPresent();
    }

    /**
     * The amount the table in force on {@code day} gives the accessorial for an address kind, network, tier and base
     * rating zone; empty when no edition is in force, or it has no amount for that case (an unknown address kind or
     * zone where the table needs one).
     *
     * @param residential the address kind, null when not known
     * @param tier        the delivery-area tier (delivery-area charges only), else null
     * @param zone        the base rating zone (2-8 and up), null when not known
     */
    public Optional<AccessorialAmount> amount(String carrier, LocalDate day, AccessorialCharge charge,
                                              Boolean residential, boolean air, DeliveryAreaTier tier, Integer zone) {
        Optional<LocalDate> from = edition(carrier, day);
        if (from.isEmpty()) {
            return Optional.empty();
        }
        for (AccessorialAmount a : byCarrier.get(key(carrier))) {
            if (a.effectiveFrom().equals(from.get()) && a.charge() == charge && a.fits(residential, air, tier, zone)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private Optional<LocalDate> edition(String carrier, LocalDate day) {
        if (carrier == null || day == null) {
            return Optional.empty();
        }
        for (AccessorialAmount a : byCarrier.getOrDefault(key(carrier), List.of())) {
            if (!a.effectiveFrom().isAfter(day)) {
                return Optional.of(a.effectiveFrom());
            }
        }
        return Optional.empty();
    }

    private static String key(String carrier) {
        return carrier.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * A carrier's rating zone as its base zone: UPS air zones carry the service in the hundreds (102, 202 and 302 are
     * zone 2 for Next Day Air, 2nd Day Air and 3 Day Select), so the last two digits are the zone; "005" is 5. Null
     * for a zone that is not a number.
     */
    public static Integer baseZone(String zone) {
        String z = zone == null ? "" : zone.trim();
        if (!z.matches("\\d{1,3}")) {
            return null;
        }
        int n = Integer.parseInt(z);
        return n >= 100 ? n % 100 : n;
    }
}
