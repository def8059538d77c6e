package org.shipaudit.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.shipaudit.findings.AuditResult;

/**
 * One pre-ship decision waiting to be written to the trail: the shipment as the caller sent it, the answer, and who
 * asked. Kept as objects, not text, so that turning them into JSON is the writer thread's work, not the audit's.
 *
 * @param shipment the shipment's JSON as received (never modified after parsing)
 * @param result   the answer given
 * @param caller   the API key's name, or {@code anonymous}
 */
public record AuditRecord(JsonNode shipment, AuditResult result, String caller) {
}
