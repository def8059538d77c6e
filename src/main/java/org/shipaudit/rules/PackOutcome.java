package org.shipaudit.rules;

import java.util.List;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.SurchargePrediction;

/**
 * What one pack concluded about one set of facts: findings stamped with the pack version, billable-weight bounds and
 * predicted package surcharges; or, when the evaluation threw or hit a limit, a {@code failure} and nothing else (a
 * half-finished evaluation's findings are not trusted).
 */
public record PackOutcome(String pack, String version, List<Finding> findings,
                          List<BillableWeightCandidate> billableWeights, List<SurchargePrediction> surcharges,
                          PackFailure failure) {

    static PackOutcome failed(PackFailure failure) {
        return new PackOutcome(failure.pack(), failure.version(), List.of(), List.of(), List.of(), failure);
    }

    public boolean failed() {
        return failure != null;
    }
}
