package org.shipaudit.model;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.shipaudit.model.lookup.CarrierHolidays;

/**
 * What a carrier guarantees for one invoiced package's service, from the service-commitments table: delivery within
 * a number of business days after the ship date, by a time of day for time-definite services (end of day
 * otherwise), and how many days after the invoice date a refund may be claimed.
 */
public final class DeliveryCommitment extends TableRow {

    private final long row;
    private final int businessDays;
    private LocalTime commitTime;
    private int claimWindowDays = 15;

    public DeliveryCommitment(String rowName, ChargeLine line, int businessDays) {
        super(rowName);
        this.row = line.row();
        this.businessDays = businessDays;
    }

    /** The sheet row of the charge line this commitment is about. */
    public long getRow() {
        return row;
    }

    public void setCommitTime(String hhmm) {
        this.commitTime = LocalTime.parse(hhmm.trim().length() == 4 ? "0" + hhmm.trim() : hhmm.trim());
    }

    public LocalTime getCommitTime() {
        return commitTime;
    }

    public int getClaimWindowDays() {
        return claimWindowDays;
    }

    public void setClaimWindowDays(int days) {
        this.claimWindowDays = days;
    }

    /** The latest on-time delivery for a package shipped on the line's ship date. */
    public LocalDateTime dueBy(ChargeLine line) {
        return CarrierHolidays.addBusinessDays(line.shipDate(), businessDays)
                .atTime(commitTime != null ? commitTime : LocalTime.MAX);
    }

    /** Late when delivered after the due time; ground-style (end-of-day) services are judged by day. */
    public boolean isLate(ChargeLine line) {
        return line.shipDate() != null && line.deliveredAt() != null && line.deliveredAt().isAfter(dueBy(line));
    }
}
