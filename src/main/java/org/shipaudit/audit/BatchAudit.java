package org.shipaudit.audit;

import java.util.List;
import java.util.Map;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.RateCheck;
import org.shipaudit.rules.PackFailure;

/**
 * What the packs concluded about one batch of lines: findings in row order, and the packs that could not judge the
 * batch (their findings are absent; the job records the batch's rows as row errors naming pack and rule); for an
 * invoice, how many transportation charges came to each outcome of the published-rate check, and each package's
 * ledger entry (its lines added up and its claims as settled in the batch), for a job to net with later batches.
 */
public record BatchAudit(List<Finding> findings, List<PackFailure> failures, Map<RateCheck, Long> rateChecks,
                         List<PackageBill> packages) {

    /** A batch whose packages are judged within it alone. */
    public BatchAudit(List<Finding> findings, List<PackFailure> failures, Map<RateCheck, Long> rateChecks) {
        this(findings, failures, rateChecks, List.of());
    }

    /** A batch without transportation charges to rate (shipments, catalogs, chargebacks). */
    public BatchAudit(List<Finding> findings, List<PackFailure> failures) {
        this(findings, failures, Map.of());
    }

    public boolean failed() {
        return !failures.isEmpty();
    }
}
