package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The decision ids the trail is keyed by: unique, and ordered by the time they were made (see newAuditId). */
class AuditIdTest {

    @Test
    void anIdIsAVersion7UuidWhoseTextSortsByItsMillisecond() {
        Random random = new Random(7);
        UUID earlier = ShipmentAuditor.timeOrderedUuid(1_764_806_400_000L, random);
        UUID later = ShipmentAuditor.timeOrderedUuid(1_764_806_400_001L, random);
        assertEquals(7, earlier.version());
        assertEquals(2, earlier.variant());
        assertEquals(1_764_806_400_000L, earlier.getMostSignificantBits() >>> 16, "the first 48 bits are the time");
        // The index compares the text, not the number: a later millisecond must sort after, whatever the random bits.
        for (int i = 0; i < 1_000; i++) {
            String a = ShipmentAuditor.timeOrderedUuid(1_764_806_400_000L, random).toString();
            String b = ShipmentAuditor.timeOrderedUuid(1_764_806_400_001L, random).toString();
            assertTrue(a.compareTo(b) < 0, a + " before " + b);
        }
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void idsMadeInTheSameMillisecondStayDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = ShipmentAuditor.newAuditId();
            assertTrue(id.startsWith("a-"), id);
            assertTrue(seen.add(id), "repeated id " + id);
        }
    }
}
