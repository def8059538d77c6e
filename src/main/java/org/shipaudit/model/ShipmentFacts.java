package org.shipaudit.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a submitted shipment into the facts rules reason about. Pure and fast: no look-ups (reference facts are added
 * by the audit's enrichment), no validation (bad values become facts that data rules report).
 */
public final class ShipmentFacts {

    private ShipmentFacts() {
    }

    /**
     * @param fallbackDate business date when the shipment has no ship date (the caller's "today")
     */
    public static List<Object> of(Shipment s, LocalDate fallbackDate) {
        List<Object> facts = new ArrayList<>();
        LocalDate businessDate = s.shipDate() != null ? s.shipDate() : fallbackDate;
        facts.add(new AuditContext(s.id(), businessDate, upper(s.carrier()), ServiceCatalog.canonical(s.service()),
                country(s.shipFrom()), country(s.shipTo())));
        List<ShipmentPackage> packages = s.packages();
        for (int i = 0; i < packages.size(); i++) {
            ShipmentPackage p = packages.get(i);
            if (p == null) {
                continue;
            }
            // Items name their package; with a single package, items that name none are in it.
            boolean onlyPackage = packages.size() == 1;
            Double items = itemsWeight(s.items().stream()
                    .filter(it -> it != null && (Objects.equals(it.packageId(), p.id())
                            || onlyPackage && it.packageId() == null))
                    .toList());
            facts.add(new Parcel(i, p.id(), p.packaging(), pounds(p.weight()), pounds(p.scaleWeight()), items,
                    p.dimensions()));
        }
        return facts;
    }

    /**
     * Total weight of items (unit weight times quantity), or null when there are none or one has no usable weight,
     * so that a partial sum never passes for the whole.
     */
    private static Double itemsWeight(List<ShipmentItem> items) {
        double total = 0;
        for (ShipmentItem item : items) {
            Double unit = pounds(item.weight());
            if (unit == null || unit < 0 || item.quantity() == null) {
                return null;
            }
            total += unit * item.quantity();
        }
        return items.isEmpty() ? null : total;
    }

    private static Double pounds(Weight w) {
        return w == null ? null : w.pounds();
    }

    private static String country(Address a) {
        return a == null ? null : upper(a.country());
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
