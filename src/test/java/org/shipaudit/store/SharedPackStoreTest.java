package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's rule-pack versions: published once, a stale change refused, the newest activation active. */
class SharedPackStoreTest {

    @TempDir
    Path dir;

    /** The database under test: the embedded H2 file here, PostgreSQL in {@code SharedPackStorePgTest}. */
    Database open(Path dir) {
        return Database.open(dir);
    }

    static PackVersion record(String version, String hash, String action, String previous) {
        return new PackVersion("weights", version, hash, action, "alice", "why", Instant.parse("2026-12-02T10:00:00Z"),
                previous);
    }

    @Test
    void aChangeMadeFromAnOlderActiveVersionIsRefusedAndTheNewestActivationIsActive() {
        try (Database db = open(dir)) {
            SharedPackStore store = new SharedPackStore(db);
            Map<String, byte[]> v1 = Map.of("pack.yaml", "name: weights\n".getBytes(StandardCharsets.UTF_8));
            Map<String, byte[]> v2 = Map.of("pack.yaml", "name: weights\nversion: 2\n".getBytes(StandardCharsets.UTF_8));
            long before = store.lastActivationId();
            assertTrue(store.publish(record("1", "h1", "initial", null), v1, null));
            assertFalse(store.publish(record("1", "h1", "initial", null), v1, null), "a second first load is refused");
            assertEquals(2, store.nextVersion("weights"));
            assertTrue(store.publish(record("2", "h2", "deploy", "1"), v2, "1"));
            assertFalse(store.publish(record("3", "h3", "deploy", "1"), v2, "1"),
                    "made from version 1 while 2 is active: another node changed the pack");
            assertTrue(store.publish(record("1", "h1", "rollback", "2"), null, "2"), "a rollback reuses stored files");
            assertTrue(store.lastActivationId() > before);
            assertEquals("1", store.active().get("weights").version());
            assertEquals(List.of("initial", "deploy", "rollback"),
                    store.history("weights").stream().map(PackVersion::action).toList());
            assertArrayEquals(v2.get("pack.yaml"), store.files("weights", "2").orElseThrow().get("pack.yaml"));
            assertTrue(store.files("weights", "9").isEmpty());
        }
    }

    @Test
    void announcedCandidatesAreReadOnceInOrder() {
        try (Database db = open(dir)) {
            SharedPackStore store = new SharedPackStore(db);
            long start = store.lastCandidateId();
            store.announce("weights", "h2", Map.of("a.drl", new byte[] {1, 2}));
            store.announce("hazmat", "h9", Map.of("b.drl", new byte[] {3}));
            List<SharedPackStore.Candidate> seen = store.candidatesAfter(start);
            assertEquals(List.of("weights", "hazmat"), seen.stream().map(SharedPackStore.Candidate::pack).toList());
            assertArrayEquals(new byte[] {1, 2}, seen.get(0).files().get("a.drl"));
            assertEquals(List.of(), store.candidatesAfter(seen.get(1).id()));
        }
    }
}
