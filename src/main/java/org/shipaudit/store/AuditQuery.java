package org.shipaudit.store;

import java.time.Instant;
import org.shipaudit.findings.Verdict;

/**
 * A search of the decision trail; every filter but the limit may be null (not filtered).
 *
 * @param from  earliest audit time, inclusive
 * @param to    latest audit time, exclusive
 * @param limit most decisions answered, newest first
 */
public record AuditQuery(String shipmentId, Instant from, Instant to, Verdict verdict, int limit) {

    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
