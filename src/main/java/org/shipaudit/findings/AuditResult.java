package org.shipaudit.findings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to a pre-ship audit (API.md "AuditResult"). {@code auditId} names this decision in the decision trail
 * ({@code GET /v1/audits/{auditId}}); it is unique per audit, so auditing the same shipment twice gives two ids.
 */
@JsonPropertyOrder({"auditId", "shipmentId", "verdict", "findings", "billableWeight", "rulePacks", "auditedAt"})
public record AuditResult(
        String auditId,
        String shipmentId,
        Verdict verdict,
        List<Finding> findings,
        List<BillableWeight> billableWeight,
        Map<String, String> rulePacks,
        Instant auditedAt) {
}
