package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** How failures become answers; the storage cases cannot be produced on the build machine's disk. */
class ProblemsTest {

    @Test
    void namesAFullDiskAs507() {
        Problem p = Problems.toProblem(new UncheckedIOException("cannot store the upload for job j-1",
                new IOException("No space left on device")));
        assertEquals(507, p.status());
        assertEquals("urn:shipaudit:problem:insufficient-storage", p.type());
        assertTrue(p.detail().contains("disk is full"), p.detail());
    }

    @Test
    void namesAReadOnlyFileSystemAs507() {
        Problem p = Problems.toProblem(new FileSystemException("/data/jobs/j-1", null, "Read-only file system"));
        assertEquals(507, p.status());
    }

    @Test
    void namesAnUploadShorterOnDiskThanReceivedAs507() {
        Problem p = Problems.toProblem(new Problems.DiskFull("received 2764 bytes but 0 reached the disk"));
        assertEquals(507, p.status());
        assertTrue(p.detail().contains("2764"), p.detail());
    }

    @Test
    void namesARecordH2CannotReadAs503NotA500() {
        java.sql.SQLException corrupted = new java.sql.SQLException("File corrupted while reading record: \"x.mv.db\"",
                "90030", org.h2.api.ErrorCode.FILE_CORRUPTED_1);
        Problem p = Problems.toProblem(new java.util.concurrent.CompletionException(corrupted));
        assertEquals(503, p.status());
        assertEquals("urn:shipaudit:problem:database-unavailable", p.type());
        assertTrue(p.detail().contains("could not read what it stored"), p.detail());
        assertEquals(500, Problems.toProblem(new java.sql.SQLException("syntax", "42000", 42000)).status());
    }

    @Test
    void keepsOtherIoFailuresInternal() {
        assertEquals(500, Problems.toProblem(new UncheckedIOException(new IOException("Broken pipe"))).status());
    }
}
