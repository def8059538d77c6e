package org.shipaudit.model;

/**
 * A period in which a carrier did not honour its delivery guarantee for a service (a pandemic suspension, a peak
 * season, a weather event), from the service pack's guarantee-suspensions table. While one applies to an invoiced
 * package, a late delivery earns no refund: the rules say so instead of claiming one the carrier will refuse.
 */
public final class GuaranteeSuspension extends TableRow {

    private final long row;
    private String reason = "";

    public GuaranteeSuspension(String rowName, ChargeLine line) {
        super(rowName);
        this.row = line.row();
    }

    /** The sheet row of the transportation charge this suspension covers. */
    public long getRow() {
        return row;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason == null ? "" : reason.trim();
    }
}
