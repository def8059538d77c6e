package org.shipaudit.audit;

import java.util.List;
import org.shipaudit.findings.Finding;
import org.shipaudit.rules.PackFailure;

/**
 * What the packs concluded about one batch of lines: findings in row order, and the packs that could not judge the
 * batch (their findings are absent; the job records the batch's rows as row errors naming pack and rule).
 */
public record BatchAudit(List<Finding> findings, List<PackFailure> failures) {

    public boolean failed() {
        return !failures.isEmpty();
    }
}
