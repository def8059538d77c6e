package org.shipaudit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.config.ConfigLoader;
import org.shipaudit.reference.DamagedIndexException;
import org.shipaudit.reference.ReferenceIndex;

/** A service whose reference index lost its commit refuses to start instead of importing the sample over it. */
class DamagedIndexStartTest {

    @TempDir
    Path data;

    @Test
    void checksTheIndexInFullOnlyAfterAnUncleanStop() throws Exception {
        AppConfig config = ConfigLoader.load(null, Map.of(), Map.of(ConfigKey.HTTP_PORT, "0",
                ConfigKey.HTTP_HOST, "127.0.0.1", ConfigKey.DATA_DIR, data.toString()));
        Path marker = ReferenceIndex.openMarker(config.referenceIndexDir());
        try (ServiceAssembly service = ServiceAssembly.start(config)) {
            assertTrue(Files.exists(marker), "written while the index is open");
        }
        assertFalse(Files.exists(marker), "removed at a clean close");
        Path largest;
        try (Stream<Path> files = Files.list(config.referenceIndexDir())) {
            largest = files.filter(f -> f.getFileName().toString().startsWith("_"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
            long at = Math.max(0, f.length() / 2 - 2048);
            f.seek(at);
            byte[] junk = new byte[(int) Math.min(4096, f.length() - at - 16)];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            f.write(junk);
        }
        // After a clean stop the cheap check (commit, footers) does not read inside the files: the start goes on.
        ServiceAssembly.start(config).close();
        // As a kill leaves it: the marker is there, so every file is read against its checksum.
        Files.writeString(marker, "1\n");
        DamagedIndexException e = assertThrows(DamagedIndexException.class, () -> ServiceAssembly.start(config).close());
        assertTrue(e.getMessage().contains(largest.getFileName().toString()), e.getMessage());
    }

    /**
     * A start refused by the database, after the index opened, closes the index behind it: no marker is left to make
     * the next start read every file against its checksum, and the index opens again in this process.
     */
    @Test
    void aDatabaseThatDoesNotOpenLeavesTheIndexClosedWithoutItsMarker() throws Exception {
        AppConfig config = ConfigLoader.load(null, Map.of(), Map.of(ConfigKey.HTTP_PORT, "0",
                ConfigKey.HTTP_HOST, "127.0.0.1", ConfigKey.DATA_DIR, data.toString()));
        ServiceAssembly.start(config).close();
        try (RandomAccessFile f = new RandomAccessFile(data.resolve("db").resolve("shipaudit.mv.db").toFile(), "rw")) {
            byte[] junk = new byte[8192]; // both file headers
            java.util.Arrays.fill(junk, (byte) 0x5A);
            f.write(junk);
        }
        assertThrows(org.shipaudit.store.DatabaseDamaged.class, () -> ServiceAssembly.start(config).close());
        assertFalse(Files.exists(ReferenceIndex.openMarker(config.referenceIndexDir())),
                "the index was closed cleanly when the database refused");
        ReferenceIndex.open(config.referenceIndexDir()).close();
    }

    @Test
    void refusesToStartOnAnIndexWithoutItsCommit() throws Exception {
        AppConfig config = ConfigLoader.load(null, Map.of(), Map.of(ConfigKey.HTTP_PORT, "0",
                ConfigKey.HTTP_HOST, "127.0.0.1", ConfigKey.DATA_DIR, data.toString()));
        ServiceAssembly.start(config).close();
        try (Stream<Path> files = Files.list(config.referenceIndexDir())) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.delete(p);
            }
        }
        DamagedIndexException e = assertThrows(DamagedIndexException.class, () -> ServiceAssembly.start(config).close());
        assertTrue(e.getMessage().contains(config.referenceIndexDir().toString()), e.getMessage());
        try (Stream<Path> files = Files.list(config.referenceIndexDir())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("segments_")),
                    "the bundled sample was imported over the damaged index");
        }
    }
}
