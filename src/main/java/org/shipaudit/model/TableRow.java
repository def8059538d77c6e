package org.shipaudit.model;

/**
 * Base of facts inserted by decision-table rows: remembers which row (rule name) and which source it came from, so a
 * finding built from it can cite both. A row's last column calls {@link #citing} while inserting.
 */
public abstract class TableRow {

    private final String rowName;
    private String source;
    private String contextKey = "";

    protected TableRow(String rowName) {
        this.rowName = rowName;
    }

    public String getRowName() {
        return rowName;
    }

    public String getSource() {
        return source;
    }

    /** The key of the audit context the row applied to, when a table's rows are per shipment or package. */
    public String getContextKey() {
        return contextKey;
    }

    @SuppressWarnings("unchecked")
    public <T extends TableRow> T inContext(AuditContext context) {
        this.contextKey = context.getKey();
        return (T) this;
    }

    @SuppressWarnings("unchecked")
    public <T extends TableRow> T citing(String source) {
        this.source = source;
        return (T) this;
    }
}
