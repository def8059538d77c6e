package org.shipaudit.model;

/**
 * A named figure from a pack's limits table (e.g. {@code LITHIUM_ION_BATTERY_WH} = 100), effective-dated by the row's
 * validity columns, so that compliance staff change a figure in the spreadsheet and rules read it by name. Pre-ship
 * tables date a row by the shipment's date (conditions on the audit context); invoice tables, whose sessions hold
 * many invoices, give the row its validity ({@link #setValidFrom}) and the rule asks {@link #inForceOn} the invoice's
 * own date.
 */
public final class PolicyLimit extends TableRow {

    private final String key;
    private double value;
    private String unit;
    private java.time.LocalDate validFrom;
    private java.time.LocalDate validTo;

    public PolicyLimit(String rowName, String key) {
        super(rowName);
        this.key = key.trim();
    }

    public String getKey() {
        return key;
    }

    public double getValue() {
        return value;
    }

    public void setValue(double value) {
        this.value = value;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /** First day the figure applies (ISO date, inclusive); unset: since always. */
    public void setValidFrom(String isoDate) {
        this.validFrom = TableDates.parse(isoDate);
    }

    /** Last day the figure applies (ISO date, inclusive); unset: until further notice. */
    public void setValidTo(String isoDate) {
        this.validTo = TableDates.parse(isoDate);
    }

    /**
     * Whether the figure applies on {@code day}. A fact without a date (an invoice line without an invoice date) takes
     * the row in force until further notice, so that exactly one of a key's non-overlapping rows applies.
     */
    public boolean inForceOn(java.time.LocalDate day) {
        if (day == null) {
            return validTo == null;
        }
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
