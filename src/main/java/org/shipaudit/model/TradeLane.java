package org.shipaudit.model;

import java.math.BigDecimal;

/**
 * Where a shipment crosses a border and what it is worth: origin and destination countries, the destination's
 * customs region ("EU" for a member state, else the country), and the total declared value when every item has a
 * value in one currency (null otherwise, so a partial sum never passes for the whole).
 */
public final class TradeLane {

    private final String origin;
    private final String destination;
    private final BigDecimal totalValue;
    private final String currency;

    public TradeLane(String origin, String destination, BigDecimal totalValue, String currency) {
        this.origin = origin;
        this.destination = destination;
        this.totalValue = totalValue;
        this.currency = currency;
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

    public boolean isInternational() {
        return origin != null && destination != null && !origin.equals(destination);
    }

    public BigDecimal getTotalValue() {
        return totalValue;
    }

    public String getCurrency() {
        return currency;
    }

    /** True when the declared total is known, in this currency, and at most the amount. */
    public boolean valueAtMost(String amount, String inCurrency) {
        return totalValue != null && inCurrency.equals(currency) && totalValue.compareTo(new BigDecimal(amount)) <= 0;
    }
}
