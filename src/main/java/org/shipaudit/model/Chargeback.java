package org.shipaudit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.shipaudit.model.api.Retailer;

/**
 * One retailer chargeback (a fine a retailer charged the supplier) as read from a chargebacks file: the fact the
 * retailer-chargebacks rules judge. Retailer and currency are upper case, currency USD when the file gives none.
 *
 * @param row              the 1-based row number in the uploaded sheet (as a spreadsheet program shows it)
 * @param code             the retailer's chargeback code or type, as written (e.g. "OTIF", "PRC-SHORT")
 * @param notificationDate the day the retailer issued or notified the chargeback; dispute windows count from it
 * @param disputeAttempts  disputes already filed for it (0 when the file does not say)
 * @param status           the retailer's status text, as written; null when not given
 * @param costOfGoods      the cost of the goods the fine is computed on (Walmart OTIF), null when not given
 * @param reference        the carton or shipment reference, null when not given
 */
public record Chargeback(
        long row,
        String retailer,
        String code,
        String poNumber,
        BigDecimal amount,
        String currency,
        LocalDate notificationDate,
        int disputeAttempts,
        String status,
        String description,
        BigDecimal costOfGoods,
        String reference) {

    /**
     * Status words that mean the retailer already gave the money back or the case is over: nothing is left to
     * dispute. Read from the status column, which retailer portals fill with their own words. "Approved" is left out
     * on purpose: portals use it both for an approved dispute and for a chargeback confirmed against the supplier.
     */
    private static final Set<String> SETTLED = Set.of("REVERSED", "CREDITED", "REFUNDED", "WON", "CLOSED", "VOID",
            "VOIDED", "CANCELLED", "CANCELED", "WITHDRAWN");

    public Chargeback {
        retailer = retailer == null ? null : retailer.strip().toUpperCase(Locale.ROOT);
        currency = currency == null || currency.isBlank() ? "USD" : currency.strip().toUpperCase(Locale.ROOT);
    }

    /** Where this chargeback is in the upload, for findings: its row (a chargeback has no tracking number). */
    public UploadRow subject() {
        return new UploadRow(row, null);
    }

    /** Retailer, PO and code: a second chargeback with the same three is charged twice. Null when one is missing. */
    public String getDuplicateKey() {
        return retailer == null || poNumber == null || code == null ? null
                : retailer + "|" + poNumber.strip() + "|" + code.strip().toUpperCase(Locale.ROOT);
    }

    /** A charge to the supplier (a credit or a zero line is nothing to dispute). */
    public boolean isPositive() {
        return amount != null && amount.signum() > 0;
    }

    /** The status says the money was given back or the case is closed. */
    public boolean isSettled() {
        return status != null && SETTLED.contains(status.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    /** Whether the code (or, without a code, the description) contains a word, case-insensitively; for table rows. */
    public boolean codeContains(String word) {
        String w = word.strip().toUpperCase(Locale.ROOT);
        String where = code != null ? code : description;
        return where != null && where.toUpperCase(Locale.ROOT).contains(w);
    }

    /** Notified on or after an ISO date; used by effective-dated table rows. */
    public boolean notifiedOnOrAfter(String isoDate) {
        return notificationDate != null && !notificationDate.isBefore(LocalDate.parse(isoDate.strip()));
    }

    /** Notified on or before an ISO date (inclusive end of validity). */
    public boolean notifiedOnOrBefore(String isoDate) {
        return notificationDate != null && !notificationDate.isAfter(LocalDate.parse(isoDate.strip()));
    }

    /** The PO as messages show it. */
    public String poLabel() {
        return poNumber == null ? "(no PO)" : poNumber;
    }
}
