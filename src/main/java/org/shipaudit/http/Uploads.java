package org.shipaudit.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory the body handlers stream uploads into. At start it is made private to the service's user (uploads
 * are customers' invoices) and emptied: whatever is in it is a partial upload of a process that was killed, since a
 * completed one is moved into the job store or deleted when its response ends.
 */
final class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    private Uploads() {
    }

    /** Creates or empties {@code dir}, owner-only where the file system has owners; returns how many were removed. */
    /**
     * Checks that all {@code received} bytes of an upload reached {@code file}: on a full disk the body handler's
     * writes fail silently, and a 2.7 KB invoice was then refused as "empty" and a rule file deployed truncated.
     *
     * @throws Problems.DiskFull when fewer bytes are on disk than were received (answered as 507)
     */
    static void requireWhole(Path file, long received, String what) throws java.io.IOException {
        long onDisk = java.nio.file.Files.size(file);
        if (onDisk < received) {
            throw new Problems.DiskFull("received " + received + " bytes of " + what + " but " + onDisk
                    + " reached the disk");
        }
    }

    static int prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's ACL applies
            }
            int removed = 0;
            try (Stream<Path> leftovers = Files.list(dir)) {
                for (Path p : leftovers.toList()) {
                    if (Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                        removed++;
                    }
                }
            }
            if (removed > 0) {
                LOG.info("removed {} partial upload(s) left in {} by the last stop", removed, dir);
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the uploads directory " + dir, e);
        }
    }
}
