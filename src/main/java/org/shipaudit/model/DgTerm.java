package org.shipaudit.model;

/**
 * A row of the hidden-dangerous-goods terms table: words that, in an item description without a dangerous-goods
 * declaration, suggest a regulated material (perfume suggests UN1266), the words that cancel the suggestion
 * ("perfume-free", "matchbox car"), and the severity to report it with.
 */
public final class DgTerm extends TableRow {

    private final String terms;
    private String exclusions;
    private String unNumber;
    private String hazardClass;
    private String severity = "WARN";
    private String note;

    public DgTerm(String rowName, String terms) {
        super(rowName);
        this.terms = terms;
    }

    public String getTerms() {
        return terms;
    }

    public void setExclusions(String exclusions) {
        this.exclusions = exclusions;
    }

    public String getUnNumber() {
        return unNumber;
    }

    public void setUnNumber(String unNumber) {
        this.unNumber = unNumber;
    }

    public String getHazardClass() {
        return hazardClass;
    }

    public void setHazardClass(String hazardClass) {
        this.hazardClass = hazardClass;
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

    /** The term found in the description (as written there), or null when none is, or an exclusion is. */
    public String termIn(String description) {
        if (description == null) {
            return null;
        }
        String found = Phrases.find(terms, description);
        return found == null || Phrases.find(exclusions, description) != null ? null : found;
    }

    public boolean matches(String description) {
        return termIn(description) != null;
    }
}
