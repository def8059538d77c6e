package org.shipaudit.model;

import java.math.BigDecimal;
import java.util.List;
import org.shipaudit.model.lookup.ExchangeRates;

/**
 * The declared value of all items of a shipment under one HS subheading (first 6 digits), in USD; the EEI threshold
 * is judged per Schedule B number, which starts with these 6 digits. Values in other currencies are converted at the
 * reference rate usable on the ship date ({@link ExchangeRates}), each currency's total once, and listed in
 * {@code conversions}; items whose currency has no usable rate are not counted and are numbered in
 * {@code unconvertedItems}, so a partial sum never passes for the whole.
 */
public final class ExportValueLine {

    private final String hs6;
    private final BigDecimal valueUsd;
    private final List<Integer> itemIndexes;
    private final int unconvertedItems;
    private final List<Conversion> conversions;

    public ExportValueLine(String hs6, BigDecimal valueUsd, List<Integer> itemIndexes, int unconvertedItems,
                           List<Conversion> conversions) {
        this.hs6 = hs6;
        this.valueUsd = valueUsd;
        this.itemIndexes = List.copyOf(itemIndexes);
        this.unconvertedItems = unconvertedItems;
        this.conversions = List.copyOf(conversions);
    }

    public String getHs6() {
        return hs6;
    }

    public BigDecimal getValueUsd() {
        return valueUsd;
    }

    public double getValueUsdAsDouble() {
        return valueUsd.doubleValue();
    }

    public List<Integer> getItemIndexes() {
        return itemIndexes;
    }

    /** Items valued in a currency that had no usable rate on the ship date: not counted in {@link #getValueUsd}. */
    public int getUnconvertedItems() {
        return unconvertedItems;
    }

    public List<Conversion> getConversions() {
        return conversions;
    }

    /** The conversions as evidence ("EUR 2400.00 = USD 2559.36 at ..."), "none" when every value was in USD. */
    public String getConversionsText() {
        return conversions.isEmpty() ? "none"
                : String.join("; ", conversions.stream().map(Conversion::describe).toList());
    }

    /** The first item of the line, as the finding's subject: {@code items[0].hsCode}. */
    public String getSubject() {
        return "items[" + itemIndexes.get(0) + "]";
    }
}
