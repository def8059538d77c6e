package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.Main;
import org.shipaudit.store.Database;
import picocli.CommandLine;

/**
 * A data directory on a read-only disk (a tmpfs remounted read-only, as Linux remounts a disk after errors) stops the
 * start with one message naming the directory, never a stack trace, and before anything is compiled or opened. The
 * database's own directory read-only (a read-only bind mount over data/db) is named too: before, H2 opened the file
 * read-only, the start went through and every write failed later. Skipped, saying why, where a tmpfs cannot be mounted.
 */
class ReadOnlyDiskIT {

    @TempDir
    Path dir;

    @Test
    void aReadOnlyDataDirectoryIsAClearRefusalToStart() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("data"), "8m")) {
            disk.remountReadOnly();
            Exception e = assertThrows(Exception.class,
                    () -> TestServer.start(TestServer.config(disk.dir, Path.of("rules"), Map.of())).close());
            assertTrue(e.getMessage().startsWith("the data directory " + disk.dir.toAbsolutePath() + " cannot be written"
                    + " (read-only file system)"), e.getMessage());

            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute("serve", "--port", "0", "--data-dir", disk.dir.toString(), "--rules-dir", "rules");
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().startsWith("error: the data directory " + disk.dir.toAbsolutePath()), err.toString());
            assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        }
    }

    @Test
    void aReadOnlyDatabaseDirectoryIsNamedAtStartNotFoundAtTheFirstWrite() throws Exception {
        Path data = dir.resolve("data");
        try (Tmpfs db = Tmpfs.mount(data.resolve("db"), "8m")) {
            Database.open(db.dir).close(); // a database from an earlier run
            db.remountReadOnly();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> TestServer.start(TestServer.config(data, Path.of("rules"), Map.of())).close());
            assertTrue(e.getMessage().startsWith("the database directory " + db.dir.toAbsolutePath()
                    + " cannot be written"), e.getMessage());
            assertTrue(e.getMessage().contains("Read-only file system"), e.getMessage());

            // Named before the packs are compiled: rules that could not even be found are not what the start says.
            IllegalStateException first = assertThrows(IllegalStateException.class,
                    () -> TestServer.start(TestServer.config(data, dir.resolve("no-such-rules"), Map.of())).close());
            assertTrue(first.getMessage().startsWith("the database directory " + db.dir.toAbsolutePath()),
                    first.getMessage());
        }
    }
}
