package org.shipaudit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
            facts.add(new Parcel(s.id(), i, p.id(), p.packaging(), pounds(p.weight()), pounds(p.scaleWeight()), items,
                    p.dimensions()));
            if (p.packaging() == Packaging.PALLET) {
                facts.add(new Pallet(i, p.id(), p.dimensions()));
            }
        }
        List<ShipmentItem> items = s.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                facts.add(new LineItem(i, items.get(i), packageIndex(packages, items.get(i).packageId())));
            }
        }
        facts.add(new AddressFacts("shipFrom", s.shipFrom()));
        facts.add(new AddressFacts("shipTo", s.shipTo()));
        facts.add(new CustomsFacts(s.customs()));
        if (s.retailer() != null) {
            facts.add(new RetailerFacts(s.retailer()));
        }
        facts.add(tradeLane(s));
        facts.addAll(exportValueLines(s));
        return facts;
    }

    private static Integer packageIndex(List<ShipmentPackage> packages, String packageId) {
        if (packageId == null) {
            return packages.size() == 1 ? 0 : null;
        }
        for (int i = 0; i < packages.size(); i++) {
            if (packages.get(i) != null && packageId.equals(packages.get(i).id())) {
                return i;
            }
        }
        return null;
    }

    /** The shipment's total only when every item has a value in one currency. */
    private static TradeLane tradeLane(Shipment s) {
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        for (ShipmentItem it : s.items()) {
            if (it == null || it.unitValue() == null || it.unitValue().amount() == null || it.quantity() == null
                    || it.unitValue().currency() == null) {
                total = null;
                break;
            }
            String c = upper(it.unitValue().currency());
            if (currency != null && !currency.equals(c)) {
                total = null;
                break;
            }
            currency = c;
            total = total.add(it.unitValue().amount().multiply(BigDecimal.valueOf(it.quantity())));
        }
        if (s.items().isEmpty()) {
            total = null;
        }
        return new TradeLane(country(s.shipFrom()), country(s.shipTo()), total, total == null ? null : currency);
    }

    /** USD value per HS subheading over items with a well-formed code (the EEI threshold is per Schedule B number). */
    private static List<ExportValueLine> exportValueLines(Shipment s) {
        Map<String, List<Integer>> indexes = new TreeMap<>();
        Map<String, BigDecimal> values = new TreeMap<>();
        Map<String, Integer> other = new TreeMap<>();
        for (int i = 0; i < s.items().size(); i++) {
            ShipmentItem it = s.items().get(i);
            if (it == null) {
                continue;
            }
            LineItem li = new LineItem(i, it, null);
            BigDecimal v = li.getLineValue();
            if (li.getHs6() == null || v == null) {
                continue;
            }
            indexes.computeIfAbsent(li.getHs6(), k -> new ArrayList<>()).add(i);
            if ("USD".equals(li.getCurrency())) {
                values.merge(li.getHs6(), v, BigDecimal::add);
            } else {
                other.merge(li.getHs6(), 1, Integer::sum);
            }
        }
        List<ExportValueLine> out = new ArrayList<>();
        indexes.forEach((hs6, idx) -> out.add(new ExportValueLine(hs6, values.getOrDefault(hs6, BigDecimal.ZERO), idx,
                other.getOrDefault(hs6, 0))));
        return out;
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
