package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
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
import org.shipaudit.json.Mappers;

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
        String sent = "{\"id\":\"" + shipmentId + "\",\"carrier\":\"UPS\"}";
        return record(SentJson.asReceived(sent.getBytes(StandardCharsets.UTF_8)),
                new AuditResult(auditId, shipmentId, verdict, List.of(), List.of(), Map.of("weights", "3"), at));
    }

    static AuditRecord record(SentJson sent, AuditResult result) {
        try {
            return new AuditRecord(sent, null, result, Mappers.json().writeValueAsBytes(result), "warehouse-1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
    void decisionsArrivingWithinTheLingerAreWrittenInOneTransaction() throws Exception {
        try (Database db = open(dir)) {
            DecisionTrail trail = new DecisionTrail(new AuditTrailStore(db), Clock.fixed(NOW, ZoneOffset.UTC), 90);
            // Made beforehand: the first serialisation of a result warms Jackson up for tens of ms.
            List<AuditRecord> five = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                five.add(record("a-" + i, "S1", Verdict.PASS, NOW));
            }
            long start = System.nanoTime();
            trail.record(five.get(0));
            while (trail.queued() > 0 && System.nanoTime() - start < DecisionTrail.LINGER_NANOS) {
                Thread.onSpinWait(); // until the writer has taken the first and waits for more
            }
            for (AuditRecord r : five.subList(1, 5)) {
                trail.record(r);
            }
            long spent = System.nanoTime() - start;
            org.junit.jupiter.api.Assumptions.assumeTrue(spent < DecisionTrail.LINGER_NANOS / 2,
                    "queueing the five took " + spent / 1_000_000 + " ms: the machine is too slow to tell");
            for (int i = 0; i < 200 && trail.recorded() < 5; i++) {
                Thread.sleep(10);
            }
            assertEquals(5, trail.recorded());
            // Written as soon as one was queued, the first was a transaction of its own and the four after it another.
            assertEquals(1, trail.batches());
            trail.close();
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

    @Test
    void keepsTheBodyByteForByteAndTheAnswerAsItWasSent() throws Exception {
        String body = "{ \"id\" : \"S1\",\n  \"carrier\": \"UPS\", \"note\": \"M\u00fcnchen \u2192 \u65e5\u672c\" }";
        AuditResult result = new AuditResult("a-1", "S1", Verdict.PASS, List.of(), List.of(), Map.of("weights", "3"), NOW);
        byte[] answer = Mappers.json().writeValueAsBytes(result);
        try (Database db = open(dir)) {
            AuditTrailStore store = new AuditTrailStore(db);
            store.write(List.of(new AuditRecord(SentJson.asReceived(body.getBytes(StandardCharsets.UTF_8)), null,
                    result, answer, "warehouse-1")));
            StoredAudit kept = store.find("a-1").orElseThrow();
            assertEquals(body, kept.shipmentJson(), "not re-serialised: spacing and order as sent");
            assertEquals(new String(answer, StandardCharsets.UTF_8), kept.resultJson());
        }
    }

    @Test
    void aBodyThatIsNotPlainUtf8IsKeptAsJsonThatReadsBackToTheSameShipment() throws Exception {
        String json = "{\"id\":\"S1\",\"city\":\"M\u00fcnchen\"}";
        byte[] utf16 = json.getBytes(StandardCharsets.UTF_16BE);
        byte[] bom = ("\ufeff" + json).getBytes(StandardCharsets.UTF_8);
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", "S1").put("city", "M\u00fcnchen");
        try (Database db = open(dir)) {
            AuditTrailStore store = new AuditTrailStore(db);
            store.write(List.of(
                    record(SentJson.asReceived(utf16), result("a-16", "S1")),
                    record(SentJson.asReceived(bom), result("a-bom", "S1")),
                    record(SentJson.parsed(node), result("a-node", "S1"))));
            for (String id : List.of("a-16", "a-bom", "a-node")) {
                assertEquals(json, store.find(id).orElseThrow().shipmentJson(), id);
            }
        }
    }

    @Test
    void aWriterThatFallsBehindDropsCountsAndReportsInsteadOfWaiting() throws Exception {
        try (Database db = open(dir); java.sql.Connection blocker = db.connection()) {
            // An open transaction holding the row of the first decision stalls the writer on it, as a slow disk would.
            blocker.setAutoCommit(false);
            try (var ps = blocker.prepareStatement("INSERT INTO audit_trail (audit_id, shipment_id, verdict, caller,"
                    + " audited_at, result_json, shipment_json) VALUES ('a-1', 'S1', 'PASS', 'x', ?, '{}', '{}')")) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            WriteHealth health = new WriteHealth();
            DecisionTrail trail = new DecisionTrail(new AuditTrailStore(db), Clock.fixed(NOW, ZoneOffset.UTC), 90,
                    true, health, 1);
            trail.record(record("a-1", "S1", Verdict.PASS, NOW));
            for (int i = 0; i < 200 && trail.queued() > 0; i++) {
                Thread.sleep(10); // until the writer has taken it
            }
            // ... and, its linger for more decisions over, waits on the row.
            Thread.sleep(2 * DecisionTrail.LINGER_NANOS / 1_000_000);
            long start = System.nanoTime();
            trail.record(record("a-2", "S1", Verdict.PASS, NOW)); // fills the queue of one
            trail.record(record("a-3", "S1", Verdict.PASS, NOW)); // dropped
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "recording never waits for the database");
            assertEquals(1, trail.dropped());
            assertEquals(1, health.droppedTotal(DecisionTrail.WHAT, WriteHealth.DropReason.QUEUE_FULL));
            assertTrue(health.problems().stream().anyMatch(p -> p.contains(DecisionTrail.WHAT)), health.problems()::toString);
            blocker.rollback();
            trail.close();
            assertEquals(2, trail.recorded(), "the stalled decision and the queued one are kept once the database moves");
        }
    }

    @Test
    void aDecisionKeptAsTwoTextsBeforeSchemaVersion14IsReadAndListedAsItWas() throws Exception {
        try (Database db = open(dir)) {
            try (java.sql.Connection c = db.connection(); var ps = c.prepareStatement("INSERT INTO audit_trail (audit_id,"
                    + " shipment_id, verdict, caller, audited_at, result_json, shipment_json) VALUES ('a-old', 'S1',"
                    + " 'WARN', 'x', ?, '{\"auditId\":\"a-old\"}', '{\"id\":\"S1\"}')")) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(NOW.minusSeconds(60), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            AuditTrailStore store = new AuditTrailStore(db);
            store.write(List.of(record("a-new", "S1", Verdict.PASS, NOW)));
            StoredAudit old = store.find("a-old").orElseThrow();
            assertEquals("{\"auditId\":\"a-old\"}", old.resultJson());
            assertEquals("{\"id\":\"S1\"}", old.shipmentJson());
            List<StoredAudit> listed = store.list(new AuditQuery("S1", null, null, null, 10));
            assertEquals(List.of("a-new", "a-old"), ids(listed));
            assertEquals("{\"auditId\":\"a-old\"}", listed.get(1).resultJson());
            assertTrue(listed.get(0).resultJson().contains("\"auditId\":\"a-new\""), listed.get(0).resultJson());
            assertEquals(null, listed.get(0).shipmentJson(), "lists leave the shipment out");
        }
    }

    @Test
    void aNewDecisionIsKeptAsOneDeflatedValueMuchSmallerThanItsTexts() throws Exception {
        StringBuilder body = new StringBuilder("{\"id\":\"S1\",\"items\":[");
        for (int i = 0; i < 20; i++) {
            body.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(i).append("\",\"hsCode\":\"6109100010\"}");
        }
        byte[] sent = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        AuditRecord r = record(SentJson.asReceived(sent), result("a-1", "S1"));
        try (Database db = open(dir)) {
            new AuditTrailStore(db).write(List.of(r));
            try (java.sql.Connection c = db.connection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT packed, result_json, shipment_json FROM audit_trail")) {
                assertTrue(rs.next());
                byte[] packed = rs.getBytes(1);
                assertTrue(packed.length * 3 < sent.length + r.resultJson().length,
                        packed.length + " bytes packed for " + (sent.length + r.resultJson().length));
                assertEquals(null, rs.getString(2));
                assertEquals(null, rs.getString(3));
            }
            StoredAudit kept = new AuditTrailStore(db).find("a-1").orElseThrow();
            assertEquals(new String(sent, StandardCharsets.UTF_8), kept.shipmentJson());
            assertEquals(new String(r.resultJson(), StandardCharsets.UTF_8), kept.resultJson());
        }
    }

    private static AuditResult result(String auditId, String shipmentId) {
        return new AuditResult(auditId, shipmentId, Verdict.PASS, List.of(), List.of(), Map.of("weights", "3"), NOW);
    }

    private static List<String> ids(List<StoredAudit> audits) {
        return audits.stream().map(StoredAudit::auditId).toList();
    }
}
