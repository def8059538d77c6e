package org.shipaudit.model;

/**
 * A row of the carrier address-restrictions table that applies to the audited carrier and service: a kind of
 * ship-to address (PO_BOX, MILITARY, TERRITORY) the carrier does not deliver to, and how severe that is.
 */
public final class AddressRestriction extends TableRow {

    private final String kind;
    private String severity = "BLOCK";
    private String note;

    public AddressRestriction(String rowName, String kind) {
        super(rowName);
        this.kind = kind.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public String getKind() {
        return kind;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
