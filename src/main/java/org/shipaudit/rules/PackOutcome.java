package org.shipaudit.rules;

import java.util.List;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.SurchargePrediction;

/**
 * What one pack concluded about one set of facts: findings stamped with the pack version, billable-weight bounds and
 * predicted package surcharges.
 */
public record PackOutcome(String pack, String version, List<Finding> findings,
                          List<BillableWeightCandidate> billableWeights, List<SurchargePrediction> surcharges) {
}
