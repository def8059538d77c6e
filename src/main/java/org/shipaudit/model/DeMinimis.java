package org.shipaudit.model;

import java.math.BigDecimal;

/**
 * A row of the de-minimis table for the shipment's destination on its ship date: the value up to which no duty
 * (and, separately, no import tax) is due, in the row's currency; null means no threshold (due on everything).
 */
public final class DeMinimis extends TableRow {

    private final String currency;
    private BigDecimal dutyFreeUpTo;
    private BigDecimal taxFreeUpTo;
    private String note;

    public DeMinimis(String rowName, String currency) {
        super(rowName);
        this.currency = currency.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getDutyFreeUpTo() {
        return dutyFreeUpTo;
    }

    /** A blank cell (or "none") means no duty de minimis. */
    public void setDutyFreeUpTo(String amount) {
        this.dutyFreeUpTo = amount(amount);
    }

    public BigDecimal getTaxFreeUpTo() {
        return taxFreeUpTo;
    }

    public void setTaxFreeUpTo(String amount) {
        this.taxFreeUpTo = amount(amount);
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public boolean isNoDutyThreshold() {
        return dutyFreeUpTo == null;
    }

    public boolean isNoTaxThreshold() {
        return taxFreeUpTo == null;
    }

    /**
     * True when the lane's value, in this row's currency (converted at the ship date's reference rates where needed),
     * is known and at most the duty threshold.
     */
    public boolean dutyFree(TradeLane lane) {
        BigDecimal value = dutyFreeUpTo == null ? null : lane.valueIn(currency);
        return value != null && value.compareTo(dutyFreeUpTo) <= 0;
    }

    /**
     * True when the row has a duty threshold and every item is valued, but in a currency with no usable rate to this
     * row's currency on the ship date: whether duty is due could not be judged.
     */
    public boolean unjudged(TradeLane lane) {
        return dutyFreeUpTo != null && lane.unconvertibleTo(currency);
    }

    private static BigDecimal amount(String s) {
        if (s == null || s.isBlank() || s.trim().equalsIgnoreCase("none")) {
            return null;
        }
        return new BigDecimal(s.trim().replace(",", ""));
    }
}
