package org.shipaudit.findings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answer to a pre-ship audit (API.md "AuditResult"). */
@JsonPropertyOrder({"shipmentId", "verdict", "findings", "billableWeight", "rulePacks", "auditedAt"})
public record AuditResult(
        String shipmentId,
        Verdict verdict,
        List<Finding> findings,
        List<BillableWeight> billableWeight,
        Map<String, String> rulePacks,
        Instant auditedAt) {
}
