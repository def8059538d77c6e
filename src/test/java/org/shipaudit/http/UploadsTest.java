package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadsTest {

    @TempDir
    Path data;

    @Test
    void removesPartialUploadsLeftByAKillAndMakesTheDirectoryPrivate() throws Exception {
        Path uploads = data.resolve("uploads");
        Files.createDirectories(uploads);
        Path partial = Files.writeString(uploads.resolve("3f2a-partial"), "x".repeat(1000));
        assertEquals(1, Uploads.prepare(uploads));
        assertFalse(Files.exists(partial));
        assertTrue(Files.isDirectory(uploads));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(uploads)));
        }
        assertEquals(0, Uploads.prepare(data.resolve("new")));
    }
}
