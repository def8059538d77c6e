package org.shipaudit.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * The declared value of all items of a shipment under one HS subheading (first 6 digits), in USD; the EEI threshold
 * is judged per Schedule B number, which starts with these 6 digits. Items valued in another currency are not
 * counted (no exchange rates are loaded) and are listed in {@code otherCurrencyItems}.
 */
public final class ExportValueLine {

    private final String hs6;
    private final BigDecimal valueUsd;
    private final List<Integer> itemIndexes;
    private final int otherCurrencyItems;

    public ExportValueLine(String hs6, BigDecimal valueUsd, List<Integer> itemIndexes, int otherCurrencyItems) {
        this.hs6 = hs6;
        this.valueUsd = valueUsd;
        this.itemIndexes = List.copyOf(itemIndexes);
        this.otherCurrencyItems = otherCurrencyItems;
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

    public int getOtherCurrencyItems() {
        return otherCurrencyItems;
    }

    /** The first item of the line, as the finding's subject: {@code items[0].hsCode}. */
    public String getSubject() {
        return "items[" + itemIndexes.get(0) + "]";
    }
}
