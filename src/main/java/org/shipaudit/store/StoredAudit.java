package org.shipaudit.store;

import java.time.Instant;
import org.shipaudit.findings.Verdict;

/**
 * One decision as kept in the trail. The answer and the shipment are the JSON that was sent and answered, verbatim, so
 * a later reader sees exactly what the caller saw even after the model has changed.
 *
 * @param resultJson   the AuditResult as answered
 * @param shipmentJson the shipment as received, or null when listing (left out to keep lists small)
 */
public record StoredAudit(String auditId, String shipmentId, Verdict verdict, String caller, Instant auditedAt,
                          String resultJson, String shipmentJson) {
}
