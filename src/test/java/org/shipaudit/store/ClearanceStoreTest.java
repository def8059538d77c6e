package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clearances survive a restart, fit by country, and a removal keeps who removed it and when. */
class ClearanceStoreTest {

    @Test
    void keepsClearancesAcrossARestartAndTheirRemovalAsHistory(@TempDir Path dir) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-19T10:00:00Z"), ZoneOffset.UTC);
        String id;
        try (Database db = Database.open(dir)) {
            ClearanceStore store = new ClearanceStore(db, clock);
            id = store.add("example front trading", "AE", "{\"company\":\"Example Front Trading\"}", "OFAC_SDN",
                    "90001", "different company", "officer").id();
            assertTrue(store.active("OFAC_SDN", "90001", "example front trading", "AE").isPresent());
            assertFalse(store.active("OFAC_SDN", "90001", "example front trading", "IR").isPresent(),
                    "a clearance given for the party in AE does not clear it elsewhere");
            assertFalse(store.active("OFAC_SDN", "306", "example front trading", "AE").isPresent());
        }
        try (Database db = Database.open(dir)) {
            ClearanceStore store = new ClearanceStore(db, clock);
            Clearance c = store.active("OFAC_SDN", "90001", "example front trading", "AE").orElseThrow();
            assertEquals("officer", c.clearedBy());
            assertEquals(Instant.parse("2026-11-19T10:00:00Z"), c.clearedAt());
            assertTrue(store.remove(id, "supervisor"));
            assertFalse(store.remove(id, "supervisor"), "already removed");
            assertTrue(store.active("OFAC_SDN", "90001", "example front trading", "AE").isEmpty());
            assertEquals(List.of(), store.list(false));
            Clearance removed = store.list(true).get(0);
            assertEquals("supervisor", removed.removedBy());
            assertEquals("different company", removed.reason());
        }
    }
}
