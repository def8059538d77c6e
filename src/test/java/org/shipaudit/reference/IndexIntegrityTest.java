package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged reference index is refused when checked, never taken for an empty one or read as if whole. */
class IndexIntegrityTest {

    @TempDir
    Path dir;

    Path index() throws IOException {
        Path idx = dir.resolve("idx");
        Fixtures.importFiles(idx, Fixtures.bundled());
        return idx;
    }

    static List<Path> files(Path idx, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(idx)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparingLong(p -> -p.toFile().length())).toList();
        }
    }

    @Test
    void acceptsAWholeIndexAndAFreshDirectory() throws IOException {
        assertDoesNotThrow(() -> ReferenceIndex.verify(index()));
        assertDoesNotThrow(() -> ReferenceIndex.verify(dir.resolve("none")));
    }

    @Test
    void refusesAnIndexWhoseCommitWasDeleted() throws IOException {
        Path idx = index();
        for (Path p : files(idx, "segments_")) {
            Files.delete(p);
        }
        assertThrows(DamagedIndexException.class, () -> ReferenceIndex.verify(idx, false), "the cheap check finds it");
        DamagedIndexException e = assertThrows(DamagedIndexException.class, () -> ReferenceIndex.verify(idx));
        assertTrue(e.getMessage().contains("segments_N is missing") && e.getMessage().contains("reference import"),
                e.getMessage());
    }

    @Test
    void refusesAnIndexWith4KbOverwrittenInASegmentFile() throws IOException {
        Path idx = index();
        Path largest = files(idx, "_").get(0);
        try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
            long at = Math.max(0, f.length() / 2 - 2048);
            f.seek(at);
            byte[] junk = new byte[(int) Math.min(4096, f.length() - at - 16)];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            f.write(junk);
        }
        DamagedIndexException e = assertThrows(DamagedIndexException.class, () -> ReferenceIndex.verify(idx));
        assertTrue(e.getMessage().contains(largest.getFileName().toString()), e.getMessage());
        assertDoesNotThrow(() -> ReferenceIndex.verify(idx, false), "the cheap check reads footers, not contents");
    }

    @Test
    void theCheapCheckRefusesATruncatedSegmentFile() throws IOException {
        Path idx = index();
        Path largest = files(idx, "_").get(0);
        try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
            f.setLength(f.length() - 100);
        }
        DamagedIndexException e = assertThrows(DamagedIndexException.class, () -> ReferenceIndex.verify(idx, false));
        assertTrue(e.getMessage().contains(largest.getFileName().toString()), e.getMessage());
    }
}
