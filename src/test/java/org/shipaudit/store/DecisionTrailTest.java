package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.findings.Verdict;

/** The decision trail's table and its background writer: kept, found, filtered, newest first, expired. */
class DecisionTrailTest {

    /** The database under test: the embedded H2 file here, PostgreSQL in {@code DecisionTrailTestPgTest}. */
    Database open(Path dir) {
        return Database.open(dir);
    }

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    static AuditRecord record(String auditId, String shipmentId, Verdict verdict, Instant at) {
        ObjectNode shipment = JsonNodeFactory.instance.objectNode().put("id", shipmentId).put("carrier", "UPS");
        return new AuditRecord(shipment, new AuditResult(auditId, shipmentId, verdict, List.of(), List.of(),
                Map.of("weights", "3"), at), "warehouse-1");
    }

    @Test
    void keepsTheShipmentAsSentAndListsNewestFirstByShipmentTimeAndVerdict() {
        try (Database db = open(dir)) {
            AuditTrailStore store = new AuditTrailStore(db);
            store.write(List.of(record("a-1", "S1", Verdict.PASS, NOW.minusSeconds(30)),
                    record("a-2", "S1", Verdict.BLOCK, NOW.minusSeconds(20)),
                    record("a-3", "S2", Verdict.WARN, NOW.minusSeconds(10))));

            StoredAudit one = store.find("a-1").orElseThrow();
            assertEquals("S1", one.shipmentId());
            assertEquals(Verdict.PASS, one.verdict());
            assertEquals("warehouse-1", one.caller());
            assertEquals(NOW.minusSeconds(30), one.auditedAt());
            assertEquals("{\"id\":\"S1\",\"carrier\":\"UPS\"}", one.shipmentJson());
            assertTrue(one.resultJson().contains("\"rulePacks\":{\"weights\":\"3\"}"), one.resultJson());
            assertTrue(store.find("a-9").isEmpty());

            assertEquals(List.of("a-2", "a-1"), ids(store.list(new AuditQuery("S1", null, null, null, 10))));
            assertEquals(List.of("a-3", "a-2", "a-1"), ids(store.list(new AuditQuery(null, null, null, null, 10))));
            assertEquals(List.of("a-3"), ids(store.list(new AuditQuery(null, null, null, null, 1))));
            assertEquals(List.of("a-2"), ids(store.list(new AuditQuery(null, null, null, Verdict.BLOCK, 10))));
            assertEquals(List.of("a-2"), ids(store.list(new AuditQuery(null, NOW.minusSeconds(20), NOW.minusSeconds(10),
                    null, 10))), "from is inclusive, to exclusive");
        }
    }

    @Test
    void theWriterKeepsQueuedDecisionsAndDeletesThoseOlderThanTheRetention() throws Exception {
        try (Database db = open(dir)) {
            AuditTrailStore store = new AuditTrailStore(db);
            store.write(List.of(record("a-old", "S1", Verdict.PASS, NOW.minus(Duration.ofDays(91))),
                    record("a-kept", "S1", Verdict.PASS, NOW.minus(Duration.ofDays(89)))));
            DecisionTrail trail = new DecisionTrail(store, Clock.fixed(NOW, ZoneOffset.UTC), 90);
            trail.record(record("a-new", "S1", Verdict.WARN, NOW));
            trail.close(); // writes what is queued before it returns
            assertEquals(1, trail.recorded());
            assertEquals(0, trail.dropped());
            assertEquals(List.of("a-new", "a-kept"), ids(store.list(new AuditQuery("S1", null, null, null, 10))));
        }
    }

    @Test
    void aTrailThatIsOffKeepsNothingNew() throws Exception {
        try (Database db = open(dir)) {
            AuditTrailStore store = new AuditTrailStore(db);
            DecisionTrail trail = DecisionTrail.notKeeping(store, Clock.fixed(NOW, ZoneOffset.UTC), 90);
            trail.record(record("a-1", "S1", Verdict.PASS, NOW));
            trail.close();
            assertEquals(0, trail.recorded());
            assertTrue(store.find("a-1").isEmpty());
        }
    }

    private static List<String> ids(List<StoredAudit> audits) {
        return audits.stream().map(StoredAudit::auditId).toList();
    }
}
