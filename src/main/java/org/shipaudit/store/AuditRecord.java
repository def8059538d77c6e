package org.shipaudit.store;

import java.time.ZoneOffset;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.model.api.Shipment;

/**
 * One pre-ship decision waiting to be written to the trail: the shipment as the caller sent it, the answer, and who
 * asked. Everything here already existed when the audit was answered (the request's bytes, the parsed shipment, the
 * answer and the bytes it was sent as), so queueing a decision costs the audit no serialisation; the writer thread only
 * decodes text.
 *
 * @param sent       the shipment's JSON as received
 * @param shipment   the same shipment parsed, for the analytics' carrier and lane
 * @param result     the answer given
 * @param resultJson the answer's JSON exactly as it was sent (UTF-8), so the trail keeps what the caller saw
 * @param caller     the API key's name, or {@code anonymous}
 */
public record AuditRecord(SentJson sent, Shipment shipment, AuditResult result, byte[] resultJson, String caller) {

    /** Carrier and lane of the shipment; the day is the decision's (UTC), the period the analytics ask about. */
    FindingDimensions dimensions() {
        String carrier = shipment == null ? null : shipment.carrier();
        String lane = shipment == null ? null : FindingDimensions.lane(postal(shipment.shipFrom()),
                country(shipment.shipFrom()), postal(shipment.shipTo()), country(shipment.shipTo()));
        return new FindingDimensions(carrier, result.auditedAt().atZone(ZoneOffset.UTC).toLocalDate(), lane);
    }

    private static String postal(org.shipaudit.model.api.Address a) {
        return a == null ? null : a.postalCode();
    }

    private static String country(org.shipaudit.model.api.Address a) {
        return a == null ? null : a.country();
    }
}
