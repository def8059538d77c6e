package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @TempDir
    Path dir;

    @Test
    void refusesASecondHolderNamingTheDirectoryAndThePid() throws Exception {
        Path data = dir.resolve("data");
        try (DataDirLock first = DataDirLock.acquire(data)) {
            String pid = Long.toString(ProcessHandle.current().pid());
            assertEquals(pid, Files.readString(data.resolve(".lock")).trim());
            DataDirLock.DataDirLocked refused = assertThrows(DataDirLock.DataDirLocked.class,
                    () -> DataDirLock.acquire(data));
            assertTrue(refused.getMessage().contains(data.toAbsolutePath().normalize().toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("pid " + pid), refused.getMessage());
        }
        // Released on close: the next service takes it.
        DataDirLock.acquire(data).close();
    }
}
