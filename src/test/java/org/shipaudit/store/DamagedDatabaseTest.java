package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.ShippedPackage;

/** A database file damaged on disk is refused at open with its name and the recovery tool, not a stack trace. */
class DamagedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aSoundFileOpensAfterItsReadBack() {
        Database.open(dir).close();
        Database.open(dir).close();
    }

    @Test
    void bytesOverwrittenInTheMiddleOfTheFileAreAClearStartError() throws Exception {
        try (Database db = Database.open(dir)) {
            ShippedPackageStore store = new ShippedPackageStore(db, Clock.systemUTC());
            for (int b = 0; b < 20; b++) {
                List<ShippedPackage> batch = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    batch.addAll(ShippedPackage.of(ShippedPackageStoreTest.shipment("S" + b + "-" + i,
                            "1Z" + b + "X" + i, 1.0 + i, null), "audit"));
                }
                store.record(batch);
            }
        }
        Path file = dir.resolve("shipaudit.mv.db");
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            Arrays.fill(junk, (byte) 0x5A);
            raf.seek(size / 2);
            raf.write(junk);
        }
        DatabaseDamaged e = assertThrows(DatabaseDamaged.class, () -> Database.open(dir).close());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("org.h2.tools.Recover -dir " + dir.toAbsolutePath()), e.getMessage());
        assertTrue(e.getMessage().length() < 1_200 && !e.getMessage().contains("\tat "), "one readable message");
    }
}
