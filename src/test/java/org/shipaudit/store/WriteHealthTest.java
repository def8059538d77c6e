package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteHealthTest {

    /** The database under test: the embedded H2 file here, PostgreSQL in {@code WriteHealthTestPgTest}. */
    Database open(Path dir) {
        return Database.open(dir);
    }

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-02T02:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aFullDiskBehindTheDatabaseErrorIsNamedAsSuch() {
        SQLException h2 = new SQLException("General error: \"java.lang.IllegalStateException: Could not write to "
                + "file shipaudit.mv.db\"", new IOException("No space left on device"));
        assertEquals("no space left on device", WriteHealth.diskFull(h2));
        assertNull(WriteHealth.diskFull(new SQLException("Table \"SHIPPED_PACKAGES\" not found")));
        assertNull(WriteHealth.diskFull(new IllegalArgumentException("no space left on device")),
                "only I/O and database errors speak for the disk");
    }

    @Test
    void failingWritesAreAProblemUntilAWriteSucceedsAndQueueDropsForTheWindow() {
        MovingClock clock = new MovingClock();
        WriteHealth health = new WriteHealth(clock, Duration.ofMinutes(5));
        List<WriteHealth.Drop> seen = new ArrayList<>();
        health.onDrop(seen::add);
        assertEquals(List.of(), health.problems());

        WriteHealth.DropReason reason = health.writeFailed("shipment",
                new SQLException("write failed", new IOException("No space left on device")));
        health.dropped("shipment", reason, 3);
        assertEquals(WriteHealth.DropReason.DISK_FULL, reason);
        assertEquals(2, health.problems().size(), health.problems().toString());
        assertTrue(health.problems().get(0).startsWith("disk full: shipment records cannot be written since "
                + "2026-12-02T02:00:00Z"), health.problems().toString());
        assertTrue(health.problems().get(1).contains("3 in total"), health.problems().toString());

        health.writeSucceeded("shipment");
        assertEquals(List.of(), health.problems(), "writes succeed again: UP, the loss stays in the metrics");
        assertEquals(3, health.droppedTotal("shipment", WriteHealth.DropReason.DISK_FULL));

        health.dropped("shipment", WriteHealth.DropReason.QUEUE_FULL, 1);
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertEquals(1, health.problems().size());
        assertTrue(health.problems().get(0).startsWith("records dropped: shipment records not stored (queue-full)"),
                health.problems().toString());
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertEquals(List.of(), health.problems(), "five minutes after the last drop");
        assertEquals(List.of(new WriteHealth.Drop("shipment", WriteHealth.DropReason.DISK_FULL, 3),
                new WriteHealth.Drop("shipment", WriteHealth.DropReason.QUEUE_FULL, 1)), seen);
    }

    @Test
    void theRecorderCountsABatchWhoseWriteFailsAndRecoversWhenTheDatabaseDoes() throws Exception {
        try (Database db = open(dir)) {
            WriteHealth health = new WriteHealth();
            ShipmentRecorder recorder = new ShipmentRecorder(new ShippedPackageStore(db, Clock.systemUTC()), health);
            execute(db, "ALTER TABLE shipped_packages RENAME TO shipped_packages_away");
            recorder.record(ShippedPackageStoreTest.shipment("S1", "1ZFAIL1", 1.0, null), "audit S1");
            awaitTrue(() -> recorder.dropped() == 1);
            assertEquals(1, health.droppedTotal(ShipmentRecorder.WHAT, WriteHealth.DropReason.DATABASE));
            assertTrue(health.problems().stream().anyMatch(p -> p.startsWith("database writes failing: shipment")),
                    health.problems().toString());

            execute(db, "ALTER TABLE shipped_packages_away RENAME TO shipped_packages");
            recorder.record(ShippedPackageStoreTest.shipment("S2", "1ZOK1", 1.0, null), "audit S2");
            awaitTrue(() -> recorder.recorded() == 1);
            awaitTrue(() -> health.problems().isEmpty());
            recorder.close();
        }
    }

    static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within ten seconds");
    }
}
