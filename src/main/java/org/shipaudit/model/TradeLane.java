package org.shipaudit.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.shipaudit.model.lookup.Countries;
import org.shipaudit.model.lookup.ExchangeRates;

/**
 * Where a shipment crosses a border and what it is worth: origin and destination countries, the destination's
 * customs region ("EU" for a member state, else the country), and the declared value per currency when every item has
 * one (null otherwise, so a partial sum never passes for the whole). {@link #valueIn} gives that value in a
 * threshold's currency, converted at the reference rates usable on the ship date.
 */
public final class TradeLane {

    private final String origin;
    private final String destination;
    private final Map<String, BigDecimal> valueByCurrency;
    private final ExchangeRates rates;
    private final boolean postal;

    /** @param valueByCurrency the items' total per currency; null when some item has no usable value */
    public TradeLane(String origin, String destination, Map<String, BigDecimal> valueByCurrency, ExchangeRates rates) {
        this(origin, destination, valueByCurrency, rates, false);
    }

    /**
     * @param postal true when the carrier is a postal service (USPS): some thresholds differ by mail and by courier
     *               (Canada's CUSMA thresholds apply to courier shipments only, CBSA Customs Notice 20-18)
     */
    public TradeLane(String origin, String destination, Map<String, BigDecimal> valueByCurrency, ExchangeRates rates,
            boolean postal) {
        this.postal = postal;
        this.origin = origin;
        this.destination = destination;
        this.valueByCurrency = valueByCurrency == null || valueByCurrency.isEmpty() ? null
                : new TreeMap<>(valueByCurrency);
        this.rates = rates == null ? ExchangeRates.NONE : rates;
    }

    public String getOrigin() {
        return origin;
    }

    public String getDestination() {
        return destination;
    }

    /** "EU" for an EU member state, else the destination country; tables key de minimis rows by it. */
    public String getDestinationRegion() {
        return Countries.isEu(destination) ? "EU" : destination;
    }

    /**
     * True for a courier shipment from the United States or Mexico, the shipments that Canada's CUSMA de minimis
     * thresholds cover (CAD 150 duty, CAD 40 tax; CBSA Customs Notice 20-18, Courier Imports Remission Order). Mail
     * from those countries and anything from elsewhere keeps the CAD 20 threshold.
     */
    public boolean isCusmaCourier() {
        return !postal && ("US".equals(origin) || "MX".equals(origin));
    }

    public boolean isInternational() {
        return origin != null && destination != null && !origin.equals(destination);
    }

    /** True when every item has a value (in one currency or several). */
    public boolean isValued() {
        return valueByCurrency != null;
    }

    /** The declared total when every item is valued in one currency, else null. */
    public BigDecimal getTotalValue() {
        return valueByCurrency != null && valueByCurrency.size() == 1 ? valueByCurrency.values().iterator().next()
                : null;
    }

    /** The one currency every item is valued in, else null. */
    public String getCurrency() {
        return valueByCurrency != null && valueByCurrency.size() == 1 ? valueByCurrency.keySet().iterator().next()
                : null;
    }

    /** The declared value as written: "USD 100.00" or "EUR 80.00 + USD 20.00"; "unknown" when not every item has one. */
    public String getDeclaredValueText() {
        if (valueByCurrency == null) {
            return "unknown";
        }
        List<String> parts = new ArrayList<>();
        valueByCurrency.forEach((c, v) -> parts.add(c + " " + v.toPlainString()));
        return String.join(" + ", parts);
    }

    /** The declared value in {@code currency}, converted where needed; null when unknown or a rate is missing. */
    public BigDecimal valueIn(String currency) {
        List<Conversion> c = conversionsTo(currency);
        return c == null ? null : c.stream().map(Conversion::converted).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** True when every item is valued but some currency has no usable rate to {@code currency} on the ship date. */
    public boolean unconvertibleTo(String currency) {
        return valueByCurrency != null && conversionsTo(currency) == null;
    }

    /** How the value was brought into {@code currency}, as evidence ("none" when already in it). */
    public String conversionsText(String currency) {
        List<Conversion> c = conversionsTo(currency);
        if (c == null) {
            return "no usable exchange rate";
        }
        List<String> shown = c.stream().filter(x -> x.rateDate() != null).map(Conversion::describe).toList();
        return shown.isEmpty() ? "none" : String.join("; ", shown);
    }

    /** True when the declared total is known, in (or converted to) this currency, and at most the amount. */
    public boolean valueAtMost(String amount, String inCurrency) {
        BigDecimal v = valueIn(inCurrency);
        return v != null && v.compareTo(new BigDecimal(amount)) <= 0;
    }

    private List<Conversion> conversionsTo(String currency) {
        if (valueByCurrency == null || currency == null) {
            return null;
        }
        List<Conversion> out = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : valueByCurrency.entrySet()) {
            Optional<Conversion> c = rates.convert(e.getValue(), e.getKey(), currency);
            if (c.isEmpty()) {
                return null;
            }
            out.add(c.get());
        }
        return out;
    }
}
