package org.shipaudit.jobs;

import java.util.List;
import org.shipaudit.audit.PackageBill;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.RateCheck;
import org.shipaudit.model.RowError;

/**
 * The work of a batch of rows, committed in one transaction together with the progress marker: either all of it is
 * stored and {@code rowsDone} moves to {@code lastRow}, or none of it is. A resumed job starts after {@code lastRow}.
 *
 * @param lastRow     the last sheet row of the batch: a resumed job starts after it
 * @param rows        how many data rows the batch holds (the job's rowsDone grows by this)
 * @param findings    the batch's findings, each with its sheet row ({@link Finding#row})
 * @param billed      the batch's charge lines: each finding is stored with its row's carrier, date and lane (the
 *                    billed-charge history has them from the job's first pass, {@link JobStore#stage})
 * @param unrecognised charge lines the carrier taxonomy did not know, by carrier and description
 * @param rateChecks   transportation charges by outcome of the published-rate check
 * @param packages     an invoice batch's packages for the job's ledger ({@link JobStore#checkpoint}); a claim's
 *                     {@code seq} is its finding's index in {@code findings}
 */
public record Checkpoint(long lastRow, long rows, List<Finding> findings, List<RowError> errors,
                         List<ChargeLine> billed, java.util.Map<UnrecognisedCharges.Key, Long> unrecognised,
                         java.util.Map<RateCheck, Long> rateChecks, List<PackageBill> packages) {

    /** A batch of an invoice without a package ledger. */
    public Checkpoint(long lastRow, long rows, List<Finding> findings, List<RowError> errors,
                      List<ChargeLine> billed, java.util.Map<UnrecognisedCharges.Key, Long> unrecognised,
                      java.util.Map<RateCheck, Long> rateChecks) {
        this(lastRow, rows, findings, errors, billed, unrecognised, rateChecks, List.of());
    }

    /** A batch of an invoice whose charges were not rated against published rates. */
    public Checkpoint(long lastRow, long rows, List<Finding> findings, List<RowError> errors,
                      List<ChargeLine> billed, java.util.Map<UnrecognisedCharges.Key, Long> unrecognised) {
        this(lastRow, rows, findings, errors, billed, unrecognised, java.util.Map.of());
    }

    /** A batch whose charges were all known (or that has none: shipments, chargebacks). */
    public Checkpoint(long lastRow, long rows, List<Finding> findings, List<RowError> errors,
                      List<ChargeLine> billed) {
        this(lastRow, rows, findings, errors, billed, java.util.Map.of(), java.util.Map.of());
    }

    /** The sheet row of each finding, in the same order as {@code findings} (-1 for one about no row). */
    public List<Long> findingRows() {
        return findings.stream().map(Finding::rowNumber).toList();
    }
}
