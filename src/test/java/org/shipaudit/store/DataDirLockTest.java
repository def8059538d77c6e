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

    @Test
    void refusesWhileAnotherProcessHoldsItAndIsFreeAgainWhenThatProcessIsKilled() throws Exception {
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DataDirLockHolder.class.getName(), data.toString()).redirectErrorStream(true).start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.equals("locked")) {
                // start-up noise before the holder has the lock
            }
            assertEquals("locked", line);
            DataDirLock.DataDirLocked refused = assertThrows(DataDirLock.DataDirLocked.class,
                    () -> DataDirLock.acquire(data));
            assertTrue(refused.getMessage().contains("pid " + holder.pid()), refused.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(); // SIGKILL: the operating system drops the lock with the process
        }
        DataDirLock.acquire(data).close();
    }
}
