package org.shipaudit.model;

/**
 * A named figure from a pack's limits table (e.g. {@code LITHIUM_ION_BATTERY_WH} = 100), effective-dated by the row's
 * validity columns, so that compliance staff change a figure in the spreadsheet and rules read it by name.
 */
public final class PolicyLimit extends TableRow {

    private final String key;
    private double value;
    private String unit;

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
}
