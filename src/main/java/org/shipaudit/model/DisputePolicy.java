package org.shipaudit.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How a retailer lets suppliers dispute a chargeback, from the dispute-policies table row for the chargeback's
 * retailer on its notification date: the window in days after the notification, and how many disputes it allows.
 * One per chargeback the row applies to; a null figure means the policy sets none.
 */
public final class DisputePolicy extends TableRow {

    private final long row;
    private final String policy;
    private final LocalDate notificationDate;
    private final int attempts;
    private Integer windowDays;
    private Integer maxDisputes;

    public DisputePolicy(String rowName, Chargeback c, String policy) {
        super(rowName);
        this.row = c.row();
        this.policy = policy;
        this.notificationDate = c.notificationDate();
        this.attempts = c.disputeAttempts();
    }

    /** The sheet row of the chargeback this policy is about. */
    public long getRow() {
        return row;
    }

    /** The policy's name, as messages show it ("Amazon vendor chargebacks"). */
    public String getPolicy() {
        return policy;
    }

    public Integer getWindowDays() {
        return windowDays;
    }

    public void setWindowDays(int days) {
        this.windowDays = days;
    }

    public Integer getMaxDisputes() {
        return maxDisputes;
    }

    public void setMaxDisputes(int n) {
        this.maxDisputes = n;
    }

    /** The last day a dispute is accepted (notification date plus the window), null when the policy sets no window. */
    public LocalDate getDeadline() {
        return windowDays == null || notificationDate == null ? null : notificationDate.plusDays(windowDays);
    }

    /** The window has passed on {@code today}: the deadline was before it. */
    public boolean windowClosedOn(LocalDate today) {
        LocalDate d = getDeadline();
        return d != null && today.isAfter(d);
    }

    /** Every dispute the policy allows has been filed. */
    public boolean isAttemptsExhausted() {
        return maxDisputes != null && attempts >= maxDisputes;
    }

    /** Nothing can be filed any more on {@code today}: window passed or disputes used up. */
    public boolean closedOn(LocalDate today) {
        return windowClosedOn(today) || isAttemptsExhausted();
    }

    /** Days from {@code today} to the deadline (0 on the last day); only meaningful with a window. */
    public long daysLeft(LocalDate today) {
        LocalDate d = getDeadline();
        return d == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(today, d);
    }

    /** The earliest deadline among policies (a chargeback normally has one), null when none sets a window. */
    public static LocalDate earliestDeadline(java.util.Collection<?> policies) {
        LocalDate earliest = null;
        for (Object o : policies) {
            LocalDate d = ((DisputePolicy) o).getDeadline();
            if (d != null && (earliest == null || d.isBefore(earliest))) {
                earliest = d;
            }
        }
        return earliest;
    }

    /** "1 of 2 disputes used", or "" without a limit; for messages. */
    public String getAttemptsText() {
        return maxDisputes == null ? "" : attempts + " of " + maxDisputes + " disputes used";
    }
}
