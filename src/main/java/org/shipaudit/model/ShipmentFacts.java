package org.shipaudit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.api.ShipmentPackage;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.lookup.ExchangeRates;
import org.shipaudit.model.lookup.ServiceCatalog;

/**
 * Turns a submitted shipment into the facts rules reason about. Pure and fast: no look-ups (reference facts are added
 * by the audit's enrichment), no validation (bad values become facts that data rules report).
 */
public final class ShipmentFacts {

    private ShipmentFacts() {
    }

    /** As {@link #of(Shipment, LocalDate, ExchangeRates)} with no exchange rates (values in other currencies unjudged). */
    public static List<Object> of(Shipment s, LocalDate fallbackDate) {
        return of(s, fallbackDate, ExchangeRates.NONE);
    }

    /**
     * @param fallbackDate business date when the shipment has no ship date (the caller's "today")
     * @param rates        the reference rates usable on the business date: values in other currencies are converted
     *                     with them (EEI per Schedule B line in USD, de minimis in the threshold's currency)
     */
    public static List<Object> of(Shipment s, LocalDate fallbackDate, ExchangeRates rates) {
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
        facts.add(tradeLane(s, rates));
        facts.addAll(exportValueLines(s, rates));
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

    /** The shipment's total per currency, only when every item has a value (a partial sum never passes for the whole). */
    private static TradeLane tradeLane(Shipment s, ExchangeRates rates) {
        Map<String, BigDecimal> total = new TreeMap<>();
        for (ShipmentItem it : s.items()) {
            if (it == null || it.unitValue() == null || it.unitValue().amount() == null || it.quantity() == null
                    || it.unitValue().currency() == null) {
                total = null;
                break;
            }
            total.merge(upper(it.unitValue().currency()),
                    it.unitValue().amount().multiply(BigDecimal.valueOf(it.quantity())), BigDecimal::add);
        }
        // USPS is the one postal carrier the service catalog knows; every other carrier is a courier.
        return new TradeLane(country(s.shipFrom()), country(s.shipTo()), total, rates,
                "USPS".equalsIgnoreCase(s.carrier()));
    }

    /**
     * USD value per HS subheading over items with a well-formed code (the EEI threshold is per Schedule B number);
     * each other currency's total under a line is converted once, at the rate usable on the ship date.
     */
    private static List<ExportValueLine> exportValueLines(Shipment s, ExchangeRates rates) {
        Map<String, List<Integer>> indexes = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> values = new TreeMap<>();
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
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
            // A value without a currency has no rate: it is counted as not converted, never as USD.
            String currency = li.getCurrency() == null ? "unknown" : li.getCurrency();
            indexes.computeIfAbsent(li.getHs6(), k -> new ArrayList<>()).add(i);
            values.computeIfAbsent(li.getHs6(), k -> new TreeMap<>()).merge(currency, v, BigDecimal::add);
            counts.computeIfAbsent(li.getHs6(), k -> new TreeMap<>()).merge(currency, 1, Integer::sum);
        }
        List<ExportValueLine> out = new ArrayList<>();
        indexes.forEach((hs6, idx) -> {
            BigDecimal usd = BigDecimal.ZERO;
            int unconverted = 0;
            List<Conversion> conversions = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> e : values.get(hs6).entrySet()) {
                Optional<Conversion> c = rates.convert(e.getValue(), e.getKey(), "USD");
                if (c.isEmpty()) {
                    unconverted += counts.get(hs6).get(e.getKey());
                    continue;
                }
                usd = usd.add(c.get().converted());
                if (!"USD".equals(e.getKey())) {
                    conversions.add(c.get());
                }
            }
            out.add(new ExportValueLine(hs6, usd, idx, unconverted, conversions));
        });
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
