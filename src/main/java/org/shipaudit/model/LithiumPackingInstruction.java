package org.shipaudit.model;

import java.util.Arrays;

/** A row of the lithium packing-instructions table: which IATA packing instructions go with a UN number. */
public final class LithiumPackingInstruction extends TableRow {

    private final String unNumber;
    private String allowed;

    public LithiumPackingInstruction(String rowName, String unNumber) {
        super(rowName);
        this.unNumber = LineItem.unNumber(unNumber);
    }

    public String getUnNumber() {
        return unNumber;
    }

    /** Comma-separated, e.g. "966, 967". */
    public String getAllowed() {
        return allowed;
    }

    public void setAllowed(String allowed) {
        this.allowed = allowed;
    }

    /** True when the declared instruction ("PI 967", "967", "967 Section II") names one of the allowed ones. */
    public boolean allows(String declared) {
        if (declared == null) {
            return false;
        }
        String digits = declared.replaceAll("\\D+", " ").trim();
        String first = digits.isEmpty() ? "" : digits.split(" ")[0];
        return Arrays.stream(allowed.split(",")).map(String::trim).anyMatch(first::equals);
    }
}
