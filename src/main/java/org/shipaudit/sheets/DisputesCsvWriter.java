package org.shipaudit.sheets;

import org.shipaudit.csv.CsvWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.shipaudit.findings.ClaimEvidence;
import org.shipaudit.findings.Finding;

/**
 * Writes the disputes CSV of API.md: one line per disputable charge, that is per finding with a positive
 * {@code amount}; other findings are skipped. Columns, in order: {@code tracking_number, invoice_number, charge,
 * billed_amount, expected_amount, disputable_amount, reason, rule_id, claim_deadline, currency}, then, for retailer
 * chargebacks (empty on carrier claims), {@code retailer, po_number, reference}.
 *
 * <p>Rules fill these evidence keys of their {@link Finding} (all strings; missing ones leave the cell empty):
 * <ul>
 *   <li>{@code trackingNumber} and {@code invoiceNumber}: the package and invoice the claim is about;</li>
 *   <li>{@code chargeCode}: the charge disputed, as the carrier wrote it (e.g. "RES", "Fuel Surcharge");</li>
 *   <li>{@code billedAmount} and {@code expectedAmount}: what the carrier billed and what it should have billed,
 *       plain decimals ("12.34");</li>
 *   <li>{@code claimDeadline}: the last day to file the claim, ISO date ("2026-12-05");</li>
 *   <li>{@code retailer}, {@code poNumber} and {@code reference}: the retailer, PO and carton or shipment reference of
 *       a chargeback.</li>
 * </ul>
 * {@code disputable_amount} is the finding's {@code amount}, {@code reason} its message, {@code currency} the
 * amount's currency. Fields are quoted as RFC 4180 needs and guarded against formula injection (a text field
 * starting with {@code = + - @} gets a leading apostrophe; plain numbers are left as they are). Not thread-safe.
 */
public final class DisputesCsvWriter implements Closeable {

    public static final List<String> COLUMNS = List.of("tracking_number", "invoice_number", "charge",
            "billed_amount", "expected_amount", "disputable_amount", "reason", "rule_id", "claim_deadline", "currency",
            "retailer", "po_number", "reference");

    private final CsvWriter csv;
    private long lines;

    /** Writes the header line at once. The writer is closed by {@link #close()}. */
    /** Claims in the order a finance person works them: claim deadline, soonest first, then tracking number. */
    public static final java.util.Comparator<Finding> BY_DEADLINE = java.util.Comparator
            .comparing((Finding f) -> Disputes.evidence(f, ClaimEvidence.CLAIM_DEADLINE),
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(f -> Disputes.evidence(f, ClaimEvidence.TRACKING_NUMBER),
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    public DisputesCsvWriter(Writer out) throws IOException {
        this.csv = new CsvWriter(out);
        csv.row(COLUMNS);
    }

    /** Writes one line if the finding is disputable; answers whether it was. */
    public boolean write(Finding f) throws IOException {
        if (!Disputes.disputable(f)) {
            return false;
        }
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(Disputes.evidence(f, ClaimEvidence.TRACKING_NUMBER));
        row.add(Disputes.evidence(f, ClaimEvidence.INVOICE_NUMBER));
        row.add(Disputes.evidence(f, ClaimEvidence.CHARGE_CODE));
        row.add(Disputes.evidence(f, ClaimEvidence.BILLED_AMOUNT));
        row.add(Disputes.evidence(f, ClaimEvidence.EXPECTED_AMOUNT));
        row.add(f.amount().amount().toPlainString());
        row.add(f.message());
        row.add(f.ruleId());
        row.add(Disputes.evidence(f, ClaimEvidence.CLAIM_DEADLINE));
        row.add(f.amount().currency());
        row.add(Disputes.evidence(f, ClaimEvidence.RETAILER));
        row.add(Disputes.evidence(f, ClaimEvidence.PO_NUMBER));
        row.add(Disputes.evidence(f, ClaimEvidence.REFERENCE));
        csv.row(row);
        lines++;
        return true;
    }

    public void writeAll(Iterable<Finding> findings) throws IOException {
        for (Finding f : findings) {
            write(f);
        }
    }

    /** Claim lines written so far. */
    public long lines() {
        return lines;
    }

    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
