package org.shipaudit.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Effective dating of invoice limits rows, which cannot be conditions on a session that holds many invoices. */
class PolicyLimitTest {

    private static PolicyLimit row(String from, String to) {
        PolicyLimit l = new PolicyLimit("Limit: window", "CLAIM_WINDOW_DAYS");
        if (from != null) {
            l.setValidFrom(from);
        }
        if (to != null) {
            l.setValidTo(to);
        }
        return l;
    }

    @Test
    void appliesFromItsFirstToItsLastDayInclusive() {
        PolicyLimit l = row("2026-01-01", "2026-12-31");
        assertFalse(l.inForceOn(LocalDate.of(2025, 12, 31)));
        assertTrue(l.inForceOn(LocalDate.of(2026, 1, 1)));
        assertTrue(l.inForceOn(LocalDate.of(2026, 12, 31)));
        assertFalse(l.inForceOn(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void aFactWithoutADateTakesOnlyTheOpenEndedRow() {
        assertFalse(row(null, "2025-12-31").inForceOn(null));
        assertTrue(row("2026-01-01", null).inForceOn(null));
        assertTrue(row(null, null).inForceOn(LocalDate.of(1990, 5, 1)));
    }
}
