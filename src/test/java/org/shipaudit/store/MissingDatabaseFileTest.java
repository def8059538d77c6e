package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database file removed while the service was stopped is refused at the next start, never made afresh empty. */
class MissingDatabaseFileTest {

    @TempDir
    Path dir;

    @Test
    void aRemovedFileStopsTheStartNamingItAndTheWayOut() throws Exception {
        Database.open(dir).close();
        Path file = dir.resolve("shipaudit.mv.db");
        Files.delete(file);
        DatabaseDamaged e = assertThrows(DatabaseDamaged.class, () -> Database.open(dir).close());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("delete " + dir.toAbsolutePath().resolve(Database.CREATED_MARKER)),
                e.getMessage());
        assertTrue(Files.notExists(file), "nothing created in its place");
    }

    @Test
    void deletingTheMarkerStartsAnEmptyDatabaseOnPurpose() throws Exception {
        Database.open(dir).close();
        Files.delete(dir.resolve("shipaudit.mv.db"));
        Files.delete(dir.resolve(Database.CREATED_MARKER));
        Database.open(dir).close();
        assertTrue(Files.exists(dir.resolve(Database.CREATED_MARKER)));
    }

    @Test
    void aFileFromBeforeMarkersGetsOneAtItsNextStart() throws Exception {
        Database.open(dir).close();
        Files.delete(dir.resolve(Database.CREATED_MARKER));
        Database.open(dir).close();
        assertTrue(Files.exists(dir.resolve(Database.CREATED_MARKER)));
    }
}
